package io.troupe;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A process runtime: the home of processes, their names, and the scheduler of handler processes.
 * This is Troupe's entry point; everything a process does from inside is in {@link Troupe}.
 *
 * <pre>{@code
 * try (TroupeRuntime runtime = TroupeRuntime.start()) {
 *     Pid echo = runtime.spawn(() -> {
 *         while (true) {
 *             if (Troupe.receive() instanceof Ping(Pid from)) Troupe.send(from, new Pong());
 *         }
 *     });
 *     runtime.run(() -> {
 *         Troupe.send(echo, new Ping(Troupe.self()));
 *         Troupe.receive(Pong.class);
 *     });
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Messages from one process (or thread) to another arrive in the order they were sent.</li>
 *   <li>No message is lost between live processes. A send to a dead pid is dropped silently, as in
 *       Erlang; a send to an unregistered name throws {@link NoSuchNameException}.</li>
 *   <li>Sending happens-before the receipt of that message.</li>
 *   <li>An uncaught exception ends only its own process: it is logged once (SLF4J logger
 *       {@code io.troupe.process}), and its links and monitors are told.</li>
 *   <li>Mailboxes are unbounded, as in Erlang and Pekko's default: a sender never blocks and never
 *       loses a message; keep producers in check with request/reply or windows.</li>
 * </ul>
 *
 * <p>All methods are thread-safe and may be called from any thread, inside or outside a process.
 */
public interface TroupeRuntime extends AutoCloseable {

    /** Starts a runtime with {@link RuntimeOptions#defaults()}. */
    static TroupeRuntime start() {
        return start(RuntimeOptions.defaults());
    }

    /** Starts a runtime. */
    static TroupeRuntime start(RuntimeOptions options) {
        return io.troupe.internal.Runtimes.start(options);
    }

    /** This runtime's node name. */
    String node();

    /** Starts a threaded process that runs {@code body} on its own virtual thread. */
    Pid spawn(Runnable body);

    /** Starts a handler process; see {@link Handler}. */
    Pid spawn(Handler handler);

    /**
     * Runs {@code block} as a process on the calling thread (ConcurrentLua's root process): inside
     * it, {@link Troupe#self()}, {@link Troupe#receive()} and the rest work. The process exits when
     * the block returns or throws; the exception, if any, is rethrown here.
     *
     * @throws IllegalStateException if the calling thread is already running a process
     */
    <T> T call(Callable<T> block) throws Exception;

    /** Like {@link #call(Callable)} for a block without a result; unchecked exceptions pass through. */
    void run(Runnable block);

    /** Sends {@code message} to {@code to}; see the guarantees above. */
    void send(Pid to, Object message);

    /**
     * Sends {@code message} to the process registered as {@code name}.
     *
     * @throws NoSuchNameException if no process is registered under that name
     */
    void send(String name, Object message);

    /**
     * Registers {@code pid} under {@code name}. The name is released when the process exits.
     * Registering the same name for the same pid again does nothing.
     *
     * @throws NameTakenException       if another process holds the name
     * @throws IllegalArgumentException if {@code pid} is not a live local process, or already has
     *                                  another name
     */
    void register(String name, Pid pid);

    /** Removes a name. Returns {@code false} if it was not registered. */
    boolean unregister(String name);

    /** The process registered as {@code name}, if any. */
    Optional<Pid> whereis(String name);

    /** A snapshot of the registered names. */
    Set<String> registered();

    /** Sends an exit signal to {@code pid}, as Erlang's {@code exit(Pid, Reason)}; see {@link ExitReason}. */
    void exit(Pid pid, ExitReason reason);

    /** Whether {@code pid} is a live process of this runtime. */
    boolean isAlive(Pid pid);

    /** The number of live processes. */
    int processCount();

    /**
     * Begins a graceful shutdown: new spawns are refused and every process receives an exit signal
     * with reason {@link ExitReason#SHUTDOWN} (processes that trap exits receive it as an
     * {@link Exit} message and may clean up). Returns at once; see {@link #awaitTermination}.
     */
    void shutdown();

    /** Waits until every process has ended, or the timeout passes. Returns whether all ended. */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Shuts down, waits up to {@link RuntimeOptions#shutdownTimeout()}, then kills the processes
     * that remain and stops the scheduler.
     */
    @Override
    void close();
}
