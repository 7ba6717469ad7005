package io.troupe.internal;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.NameTakenException;
import io.troupe.NoSuchNameException;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Ref;
import io.troupe.RuntimeOptions;
import io.troupe.Spawned;
import io.troupe.TroupeRuntime;
import io.troupe.Name;
import io.troupe.spi.Distribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Overview: the runtime of one node. It owns the process table (id -> cell, for pids that arrive
 * without a direct reference, and for shutdown), the name registry, the dispatcher of handler
 * processes and the timer thread. Local pids are the cells themselves, so sends to them bypass the
 * table entirely.
 */
final class LocalRuntime implements TroupeRuntime {
    private static final Logger CRASHES = LoggerFactory.getLogger("io.troupe.process");
    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    private final RuntimeOptions options;
    private final int creation;
    private final PidValue systemPid;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong refs = new AtomicLong();
    private final ConcurrentHashMap<Long, ProcessCell> processes = new ConcurrentHashMap<>(1024);
    private final ConcurrentHashMap<String, ProcessCell> names = new ConcurrentHashMap<>();
    private final ThreadFactory virtualThreads = Thread.ofVirtual().factory();
    private final Dispatcher dispatcher;
    private final Timers timers;
    private final GroupRegistry groups = new GroupRegistry(this);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ConcurrentHashMap<String, Set<ProcessCell>> remoteInterest = new ConcurrentHashMap<>();
    private volatile Distribution distribution;
    private volatile boolean stopping;
    private volatile boolean closed;

    LocalRuntime(RuntimeOptions options) {
        this.options = options;
        this.creation = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        this.systemPid = new PidValue(options.node(), 0, creation);
        this.dispatcher = new Dispatcher(options.node(), options.schedulerThreads(), options.throughput(), 0);
        this.timers = new Timers(options.node());
    }

    // ---------------------------------------------------------------- accessors

    @Override
    public String node() {
        return options.node();
    }

    int creation() {
        return creation;
    }

    int throughput() {
        return options.throughput();
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Timers timers() {
        return timers;
    }

    GroupRegistry groups() {
        return groups;
    }

    Pid systemPid() {
        return systemPid;
    }

    Ref newRef() {
        return new Ref(options.node(), refs.incrementAndGet());
    }

    // ---------------------------------------------------------------- spawning

    @Override
    public Pid spawn(Runnable body) {
        return spawnThreaded(body, null, false, false).pid();
    }

    @Override
    public Pid spawn(Handler handler) {
        return spawnHandler(handler, null, false, false).pid();
    }

    /** Spawns a threaded process, atomically linked to and/or monitored by {@code parent}. */
    Spawned spawnThreaded(Runnable body, ProcessCell parent, boolean link, boolean monitor) {
        Objects.requireNonNull(body, "body");
        ThreadProcess process = new ThreadProcess(this, ids.incrementAndGet());
        Ref ref = admit(process, parent, link, monitor);
        Thread thread = virtualThreads.newThread(() -> runThreaded(process, body));
        process.thread = thread;
        thread.start();
        return new Spawned(process, ref);
    }

    /** Spawns a handler process, atomically linked to and/or monitored by {@code parent}. */
    Spawned spawnHandler(Handler handler, ProcessCell parent, boolean link, boolean monitor) {
        Objects.requireNonNull(handler, "handler");
        HandlerProcess process = new HandlerProcess(this, ids.incrementAndGet(), handler);
        Ref ref = admit(process, parent, link, monitor);
        process.start();
        return new Spawned(process, ref);
    }

    private Ref admit(ProcessCell process, ProcessCell parent, boolean link, boolean monitor) {
        if (stopping) throw new IllegalStateException("runtime " + node() + " is shutting down");
        processes.put(process.id(), process);
        if (link && !ProcessCell.link(parent, process)) {
            process.terminate(parent.exitReason()); // never started: take it out of the table again
            throw new ProcessExit(parent.exitReason());
        }
        Ref ref = monitor ? parent.monitor(process, process) : null;
        if (stopping) process.exitSignal(systemPid, ExitReason.SHUTDOWN);
        return ref;
    }

    private void runThreaded(ThreadProcess process, Runnable body) {
        Current.bind(process);
        ExitReason reason = ExitReason.NORMAL;
        try {
            body.run();
        } catch (ProcessExit exit) {
            reason = exit.reason();
        } catch (Throwable error) {
            if (process.isAlive()) crashed(process, error);
            reason = ExitReason.Failure.of(error);
        } finally {
            process.terminate(reason);
            process.releaseBaton();
            Current.unbind();
        }
    }

    @Override
    public <T> T call(Callable<T> block) throws Exception {
        if (Current.process() != null) {
            throw new IllegalStateException("this thread is already running process " + Current.process());
        }
        ThreadProcess process = new ThreadProcess(this, ids.incrementAndGet());
        process.thread = Thread.currentThread();
        admit(process, null, false, false);
        Current.bind(process);
        try {
            T result = block.call();
            process.terminate(ExitReason.NORMAL);
            return result;
        } catch (ProcessExit exit) {
            process.terminate(exit.reason());
            if (exit.reason().isOrderly()) return null;
            throw exit;
        } catch (Throwable error) {
            process.terminate(ExitReason.Failure.of(error));
            throw error;
        } finally {
            Current.unbind();
            process.releaseThread(); // and clears an interrupt a kill left on this borrowed thread
        }
    }

    @Override
    public void run(Runnable block) {
        try {
            call(() -> {
                block.run();
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // unreachable: a Runnable throws no checked exception
        }
    }

    // ---------------------------------------------------------------- messages

    /** The live-or-dead local cell for {@code pid}, or {@code null} if it is not a process of this node. */
    ProcessCell resolve(Pid pid) {
        if (pid instanceof ProcessCell cell) {
            return cell.runtime == this ? cell : null;
        }
        if (pid.creation() != creation || !pid.node().equals(node())) return null;
        return processes.get(pid.id());
    }

    @Override
    public void send(Pid to, Object message) {
        Objects.requireNonNull(message, "message");
        if (to instanceof ProcessCell cell && cell.runtime == this) {
            cell.tell(message);
            return;
        }
        // A process object of another runtime in this JVM is another node's process: it goes
        // through the distribution layer like any remote pid, so it keeps its order with signals.
        ProcessCell cell = resolve(Objects.requireNonNull(to, "to"));
        if (cell != null) {
            cell.tell(message);
        } else if (isRemote(to)) {
            distribution.send(senderPid(), to, message);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("dropped a message to {}: no such process on this node", to);
        }
    }

    /** Sends to a name on a node: this one (as {@link #send(String, Object)}) or another. */
    void send(Name to, Object message) {
        Objects.requireNonNull(message, "message");
        if (to.node().equals(node())) {
            send(to.name(), message);
        } else if (distribution != null) {
            distribution.send(senderPid(), to, message);
        } else {
            throw new IllegalStateException("cannot send to " + to + ": node " + node() + " is not distributed");
        }
    }

    private Pid senderPid() {
        ProcessCell self = Current.process();
        return self == null ? systemPid : self;
    }

    // ---------------------------------------------------------------- distribution

    void attach(Distribution layer) {
        synchronized (remoteInterest) {
            if (distribution != null) throw new IllegalStateException("a distribution layer is already attached to " + node());
            distribution = Objects.requireNonNull(layer, "distribution");
        }
    }

    /** Whether a distribution layer is attached. */
    boolean isDistributed() {
        return distribution != null;
    }

    /** Whether {@code pid} belongs to another node reachable through the distribution layer. */
    boolean isRemote(Pid pid) {
        return distribution != null && !pid.node().equals(node());
    }

    void noteInterest(ProcessCell cell, String remoteNode) {
        remoteInterest.computeIfAbsent(remoteNode, n -> ConcurrentHashMap.newKeySet()).add(cell);
    }

    void linkRemote(ProcessCell local, Pid remote) {
        noteInterest(local, remote.node());
        distribution.link(local, remote);
    }

    void unlinkRemote(ProcessCell local, Pid remote) {
        local.unlinkRemote(remote);
        distribution.unlink(local, remote);
    }

    void monitorRemote(Ref ref, ProcessCell watcher, Pid target) {
        noteInterest(watcher, target.node());
        distribution.monitor(ref, watcher, target);
    }

    void demonitorRemote(Ref ref, ProcessCell watcher, Pid target) {
        Distribution layer = distribution;
        if (layer != null) layer.demonitor(ref, watcher, target);
    }

    void exitRemote(Pid from, Pid to, ExitReason reason, boolean viaLink) {
        Distribution layer = distribution;
        if (layer != null) layer.exit(from, to, reason, viaLink);
    }

    void downRemote(Ref ref, Pid watcher, Pid target, ExitReason reason) {
        Distribution layer = distribution;
        if (layer != null) layer.down(ref, watcher, target, reason);
    }

    /** Fires the links and monitors of every local process that reached {@code remoteNode}. */
    void nodeDown(String remoteNode) {
        Set<ProcessCell> cells = remoteInterest.remove(remoteNode);
        if (cells != null) cells.forEach(cell -> cell.nodeDown(remoteNode));
    }

    @Override
    public void send(String name, Object message) {
        Objects.requireNonNull(message, "message");
        ProcessCell cell = names.get(name);
        if (cell == null) throw new NoSuchNameException(name);
        cell.tell(message);
    }

    // ---------------------------------------------------------------- names

    @Override
    public void register(String name, Pid pid) {
        Objects.requireNonNull(name, "name");
        ProcessCell cell = resolve(Objects.requireNonNull(pid, "pid"));
        if (cell == null || !cell.isAlive()) {
            throw new IllegalArgumentException("cannot register '" + name + "': " + pid + " is not a live local process");
        }
        ProcessCell holder = names.putIfAbsent(name, cell);
        if (holder == cell) return;
        if (holder != null) {
            if (holder.isAlive()) throw new NameTakenException(name, holder);
            names.remove(name, holder); // its exit is being processed; take the name over
            register(name, pid);
            return;
        }
        try {
            if (!cell.claimName(name)) {
                throw new IllegalArgumentException("cannot register '" + name + "': " + pid + " has exited");
            }
        } catch (RuntimeException e) {
            names.remove(name, cell);
            throw e;
        }
    }

    @Override
    public boolean unregister(String name) {
        ProcessCell cell = names.remove(name);
        if (cell == null) return false;
        cell.dropName(name);
        return true;
    }

    @Override
    public Optional<Pid> whereis(String name) {
        ProcessCell cell = names.get(name);
        return cell != null && cell.isAlive() ? Optional.of(cell) : Optional.empty();
    }

    @Override
    public Set<String> registered() {
        return Set.copyOf(names.keySet());
    }

    // ---------------------------------------------------------------- signals and lifecycle

    @Override
    public void exit(Pid pid, ExitReason reason) {
        Objects.requireNonNull(reason, "reason");
        ProcessCell cell = resolve(Objects.requireNonNull(pid, "pid"));
        if (cell != null) {
            cell.exitSignal(senderPid(), reason);
        } else if (isRemote(pid)) {
            distribution.exit(senderPid(), pid, reason, false);
        }
    }

    @Override
    public boolean isAlive(Pid pid) {
        ProcessCell cell = resolve(pid);
        return cell != null && cell.isAlive();
    }

    @Override
    public int processCount() {
        return processes.size();
    }

    /** Called once by a cell that has just been marked dead. */
    void exited(ProcessCell cell, String name) {
        if (name != null) names.remove(name, cell);
        processes.remove(cell.id(), cell);
        groups.memberExited(cell);
        if (!remoteInterest.isEmpty()) remoteInterest.values().forEach(cells -> cells.remove(cell));
        if (stopping && processes.isEmpty()) terminated.countDown();
    }

    void crashed(ProcessCell cell, Throwable error) {
        CRASHES.error("process {} exited with an uncaught exception", cell, error);
    }

    @Override
    public void shutdown() {
        stopping = true;
        for (ProcessCell cell : processes.values()) {
            cell.exitSignal(systemPid, ExitReason.SHUTDOWN);
        }
        if (processes.isEmpty()) terminated.countDown();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        shutdown();
        boolean interrupted = false;
        try {
            if (!awaitTermination(options.shutdownTimeout())) {
                LOG.warn("{} processes did not stop within {}; killing them", processes.size(), options.shutdownTimeout());
                for (ProcessCell cell : processes.values()) cell.exitSignal(systemPid, ExitReason.KILL);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            for (ProcessCell cell : processes.values()) cell.exitSignal(systemPid, ExitReason.KILL);
        } finally {
            dispatcher.stop();
            timers.stop();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
