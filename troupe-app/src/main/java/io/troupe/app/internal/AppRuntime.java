package io.troupe.app.internal;

import io.troupe.RuntimeOptions;
import io.troupe.TroupeRuntime;
import io.troupe.app.AppDescriptor;
import io.troupe.app.EntryId;
import io.troupe.app.ProcessEntry;
import io.troupe.app.ProcessHostEntry;
import io.troupe.app.Terminal;
import io.troupe.app.TerminalHostEntry;
import io.troupe.app.TroupeApp;
import io.troupe.supervision.ServiceManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link TroupeApp}: one runtime, the services, and a one-process-at-a-time slot per terminal host. */
public final class AppRuntime implements TroupeApp {
    /** The terminal host {@code -x} uses when the descriptor declares none. */
    static final String DEFAULT_TERMINAL = "terminal";

    private final AppDescriptor descriptor;
    private final TroupeRuntime runtime;
    private final io.troupe.node.Node node;             // null unless started as a node
    private final Map<EntryId, EntryPoint> entryPoints;
    private final ServiceManager services;
    private final Map<EntryId, Semaphore> terminals = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closeDone = new CompletableFuture<>();

    private AppRuntime(AppDescriptor descriptor, io.troupe.node.NodeOptions nodeOptions) {
        this.descriptor = descriptor;
        this.entryPoints = entryPoints(descriptor);
        this.node = nodeOptions == null ? null : startNode(nodeOptions.withRuntime(options(descriptor)));
        this.runtime = node == null ? TroupeRuntime.start(options(descriptor)) : node.runtime();
        this.services = startServices(descriptor, runtime, entryPoints);
    }

    /** Starts the app; as a node when {@code nodeOptions} is not null. */
    public static TroupeApp start(AppDescriptor descriptor, io.troupe.node.NodeOptions nodeOptions) {
        return new AppRuntime(descriptor, nodeOptions);
    }

    private static io.troupe.node.Node startNode(io.troupe.node.NodeOptions options) {
        try {
            return io.troupe.node.Node.start(options);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot start node " + options.name() + ": " + e.getMessage(), e);
        }
    }

    private static ServiceManager startServices(AppDescriptor descriptor, TroupeRuntime runtime,
                                                Map<EntryId, EntryPoint> entryPoints) {
        try {
            return ServiceWiring.start(descriptor, runtime, entryPoints);
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    /** Resolves every process entry's method once (the descriptor checked them all when it was loaded). */
    private static Map<EntryId, EntryPoint> entryPoints(AppDescriptor descriptor) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context == null ? AppRuntime.class.getClassLoader() : context;
        Map<EntryId, EntryPoint> resolved = new HashMap<>();
        for (ProcessEntry entry : descriptor.entries(ProcessEntry.class)) {
            try {
                resolved.put(entry.id(), EntryPoint.resolve(entry.className(), entry.method(), loader));
            } catch (EntryPoint.Unusable e) {
                throw new IllegalStateException(entry.id() + ": " + e.getMessage());
            }
        }
        return Map.copyOf(resolved);
    }

    static RuntimeOptions options(AppDescriptor descriptor) {
        RuntimeOptions options = RuntimeOptions.defaults();
        for (ProcessHostEntry host : descriptor.entries(ProcessHostEntry.class)) {
            options = options.withSchedulerThreads(host.workers()).withThroughput(host.throughput());
        }
        return options;
    }

    /** The terminal host {@code -x} uses: the only one declared, or the default if none is. */
    public static TerminalHostEntry defaultTerminalHost(AppDescriptor descriptor) {
        List<TerminalHostEntry> hosts = descriptor.entries(TerminalHostEntry.class);
        if (hosts.size() > 1) {
            throw new IllegalArgumentException("there are " + hosts.size() + " terminal hosts ("
                    + hosts.stream().map(h -> h.id().toString()).toList() + "): name one with --host");
        }
        return hosts.isEmpty() ? new TerminalHostEntry(new EntryId(descriptor.namespace(), DEFAULT_TERMINAL), true)
                : hosts.getFirst();
    }

    @Override
    public AppDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public TroupeRuntime runtime() {
        return runtime;
    }

    @Override
    public ServiceManager services() {
        return services;
    }

    @Override
    public int exec(EntryId process, List<String> args, Terminal terminal) throws ExecutionException, InterruptedException {
        return exec(process, defaultTerminalHost(descriptor).id(), args, terminal);
    }

    @Override
    public int exec(EntryId process, EntryId terminalHost, List<String> args, Terminal terminal)
            throws ExecutionException, InterruptedException {
        if (!(descriptor.entry(process).orElse(null) instanceof ProcessEntry entry)) {
            throw new IllegalArgumentException(process + " is not a process entry");
        }
        if (!terminalHost.equals(defaultTerminalHost(descriptor).id())
                && !(descriptor.entry(terminalHost).orElse(null) instanceof TerminalHostEntry)) {
            throw new IllegalArgumentException(terminalHost + " is not a terminal.host entry");
        }
        if (closed.get()) throw new IllegalStateException("the app is closed");
        Semaphore slot = terminals.computeIfAbsent(terminalHost, id -> new Semaphore(1));
        if (!slot.tryAcquire()) {
            throw new IllegalStateException(terminalHost + " is busy: a terminal host runs one process at a time");
        }
        try {
            Context context = new Context(entry.id(), args.isEmpty() ? entry.args() : args, entry.config(), terminal);
            return run(entryPoints.get(entry.id()), context).get();
        } finally {
            slot.release();
        }
    }

    private CompletableFuture<Integer> run(EntryPoint entryPoint, Context context) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        runtime.spawn(() -> {
            try {
                result.complete(entryPoint.invoke(context));
            } catch (RuntimeException | Error e) { // Error includes ProcessExit
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            closeDone.join(); // a second caller (say, the shutdown hook) returns once the first is done
            return;
        }
        try {
            services.stopAll(ServiceWiring.stopAllTimeout(descriptor));
        } finally {
            try {
                if (node != null) node.close(); else runtime.close();
            } finally {
                closeDone.complete(null);
            }
        }
    }
}
