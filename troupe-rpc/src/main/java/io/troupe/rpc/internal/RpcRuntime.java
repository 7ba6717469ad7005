package io.troupe.rpc.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.node.Node;
import io.troupe.rpc.NoSuchServiceException;
import io.troupe.rpc.Routing;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceInfo;
import io.troupe.rpc.ServiceNameTakenException;
import io.troupe.rpc.ServiceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/** {@link Rpc} for one runtime: the directory replica, the calls in flight and the agent. */
public final class RpcRuntime implements Rpc {
    private static final String GLOBAL_PREFIX = "troupe.rpc:";
    private static final ReentrantLock ATTACH = new ReentrantLock();
    private static final Map<TroupeRuntime, RpcRuntime> ATTACHED = new WeakHashMap<>();

    private final TroupeRuntime runtime;
    private final Node node;
    private final String self;
    private final Directory directory = new Directory();
    private final Calls calls;
    private final Pid agent;

    private RpcRuntime(TroupeRuntime runtime) {
        this.runtime = runtime;
        this.node = Node.of(runtime).orElse(null);
        this.self = runtime.node();
        this.calls = new Calls(runtime);
        this.agent = runtime.spawn(new Agent(directory, calls, node, self));
        calls.agent(agent);
        runtime.register(Agent.NAME, agent);
        runtime.send(agent, new Agent.NameRegistered()); // now it may greet the other nodes
    }

    /** The RPC layer of {@code runtime}, made on first use. */
    public static Rpc of(TroupeRuntime runtime) {
        ATTACH.lock();
        try {
            RpcRuntime existing = ATTACHED.get(runtime);
            if (existing != null && runtime.isAlive(existing.agent)) return existing;
            RpcRuntime created;
            try {
                created = new RpcRuntime(runtime);
            } catch (IllegalStateException | io.troupe.TroupeException e) {
                throw new IllegalStateException("the runtime " + runtime.node() + " is not running: start it (Node.start) before using Rpc", e);
            }
            ATTACHED.put(runtime, created);
            return created;
        } finally {
            ATTACH.unlock();
        }
    }

    private void checkRunning() {
        if (!runtime.isAlive(agent)) {
            throw new IllegalStateException("the runtime " + self + " is shut down (or was never started); no RPC is possible");
        }
    }

    // ---------------------------------------------------------------- services

    @Override
    public Service serve(ServiceSpec spec) {
        checkRunning();
        Pid owner = Troupe.inProcess() ? Troupe.self() : null;
        ServiceHost host = new ServiceHost(spec, owner);
        Pid pid = runtime.spawn(host);
        ServiceInfo info = new ServiceInfo(spec.name(), spec.type(), self, pid, spec.functions().keySet(), spec.attributes());
        ServiceInfo holder = directory.putIfAbsent(info);
        if (holder != info) {
            runtime.exit(pid, ExitReason.KILL);
            throw new ServiceNameTakenException(spec.name(), holder.node());
        }
        if (node != null && !node.registerGlobal(GLOBAL_PREFIX + spec.name(), pid)) {
            directory.remove(info.name(), pid);
            runtime.exit(pid, ExitReason.KILL);
            String where = node.whereisGlobal(GLOBAL_PREFIX + spec.name()).map(Pid::node).orElse(null);
            throw new ServiceNameTakenException(spec.name(), where);
        }
        runtime.send(agent, new Agent.Registered(info));
        return new ServiceHandle(info, host, this);
    }

    @Override
    public <T> Service serve(String name, Class<T> api, T implementation) {
        return serve(name, name, api, implementation);
    }

    @Override
    public <T> Service serve(String name, String type, Class<T> api, T implementation) {
        return serve(new ServiceSpec(name, type, TypedServices.functions(api, implementation), ServiceSpec.DEFAULT_MESSAGE_CAPACITY, java.util.Map.of()));
    }

    void close(ServiceInfo info) {
        // The cluster-wide name goes first: its removal is queued on each connection before the
        // agent's Withdraw, so a node that sees the service gone may register the name at once.
        if (node != null) node.unregisterGlobal(GLOBAL_PREFIX + info.name());
        runtime.exit(info.host(), ExitReason.SHUTDOWN);
        directory.remove(info.name(), info.host());
        runtime.send(agent, new Agent.Closed(info));
    }

    @Override
    public Optional<ServiceInfo> lookup(String name) {
        return Optional.ofNullable(directory.get(name));
    }

    @Override
    public List<ServiceInfo> services() {
        return directory.all();
    }

    @Override
    public List<ServiceInfo> servicesOfType(String type) {
        return directory.ofType(type);
    }

    @Override
    public List<ServiceInfo> providersOf(String function) {
        return directory.providersOf(function);
    }

    // ---------------------------------------------------------------- messages and calls

    ServiceInfo target(String service) {
        checkRunning();
        ServiceInfo info = directory.get(service);
        if (info == null) throw new NoSuchServiceException(service, "no service named '" + service + "' is registered"
                + (node == null ? "" : " on any node connected to " + self));
        return info;
    }

    @Override
    public void send(String service, Object message) {
        runtime.send(target(service).host(), new Protocol.Message(message));
    }

    @Override
    public Object call(String service, String function, List<?> args, Duration timeout) {
        return call(target(service), function, args, timeout);
    }

    Object call(ServiceInfo target, String function, List<?> args, Duration timeout) {
        return calls.call(target, function, copy(args), timeout);
    }

    @Override
    public CompletableFuture<Object> callAsync(String service, String function, List<?> args, Duration timeout) {
        ServiceInfo target;
        try {
            target = target(service);
        } catch (NoSuchServiceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.callAsync(target, function, copy(args), timeout);
    }

    private static List<Object> copy(List<?> args) {
        return args == null || args.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    @Override
    public <T> T stub(Class<T> api, String service) {
        return stub(api, Routing.to(service));
    }

    @Override
    public <T> T stub(Class<T> api, Routing routing) {
        return Stubs.create(api, routing, this);
    }

    List<ServiceInfo> candidates(Routing routing, String function) {
        List<ServiceInfo> found = routing.type() != null ? directory.ofType(routing.type()) : directory.providersOf(function);
        if (found.isEmpty()) {
            String what = routing.type() != null ? "of type '" + routing.type() + "'" : "offers '" + function + "'";
            throw new NoSuchServiceException(routing.type() != null ? routing.type() : function,
                    "no live service " + what + (node == null ? "" : " is known to node " + self));
        }
        return found;
    }

    /** Calls in flight, for tests and stats. */
    public int callsInFlight() {
        return calls.inFlight();
    }
}
