package io.troupe;

import io.troupe.internal.ProcessApi;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a process can do about itself and its peers: the counterpart of Erlang's {@code erlang}
 * module. Every method acts for the calling process; called from a thread that is not running a
 * process, a method that needs one throws {@link IllegalStateException} (except
 * {@link #send(Pid, Object)} to a local pid, which works from any thread).
 *
 * <pre>{@code
 * sealed interface Msg permits Ping, Stop {}
 * record Ping(Pid from) implements Msg {}
 * record Stop() implements Msg {}
 *
 * Pid pong = runtime.spawn(() -> {
 *     while (true) {
 *         switch ((Msg) Troupe.receive()) {
 *             case Ping(Pid from) -> Troupe.send(from, "pong");
 *             case Stop() -> { return; }
 *         }
 *     }
 * });
 * }</pre>
 *
 * <h2>Receiving</h2>
 * A threaded process takes messages with {@code receive}: the plain forms take the oldest message;
 * the selective forms take the oldest message of a type or matching a predicate and leave the rest,
 * in order, for later receives. Timeouts return {@code null}, which reads well in a
 * {@code switch} ({@code case null -> ...}). A process that has been killed unwinds with
 * {@link ProcessExit} at its next receive.
 */
public final class Troupe {
    private Troupe() {
    }

    /** The calling process's pid. */
    public static Pid self() {
        return ProcessApi.self();
    }

    /** Whether the calling thread is a Troupe process (threaded, or a handler in its turn). */
    public static boolean inProcess() {
        return ProcessApi.inProcess();
    }

    /**
     * Whether the calling thread may wait in {@code receive}: it is a threaded process (a handler
     * process may not block its scheduler thread).
     */
    public static boolean mayReceive() {
        return ProcessApi.mayReceive();
    }

    /** The runtime the calling process belongs to. */
    public static TroupeRuntime runtime() {
        return ProcessApi.runtime();
    }

    // ---------------------------------------------------------------- spawn

    /** Spawns a threaded process on its own virtual thread. */
    public static Pid spawn(Runnable body) {
        return ProcessApi.spawn(body, false);
    }

    /** Spawns a handler process; see {@link Handler}. */
    public static Pid spawn(Handler handler) {
        return ProcessApi.spawn(handler, false);
    }

    /** Spawns a process linked to the caller, atomically: the link exists before the body runs. */
    public static Pid spawnLink(Runnable body) {
        return ProcessApi.spawn(body, true);
    }

    /** {@link #spawnLink(Runnable)} for a handler process. */
    public static Pid spawnLink(Handler handler) {
        return ProcessApi.spawn(handler, true);
    }

    /** Spawns a process monitored by the caller, atomically. */
    public static Spawned spawnMonitor(Runnable body) {
        return ProcessApi.spawnMonitor(body);
    }

    /** {@link #spawnMonitor(Runnable)} for a handler process. */
    public static Spawned spawnMonitor(Handler handler) {
        return ProcessApi.spawnMonitor(handler);
    }

    // ---------------------------------------------------------------- send and receive

    /**
     * Sends a message. Never blocks. Messages from one sender to one receiver arrive in send order;
     * a message to a dead process is dropped silently.
     *
     * @param message an immutable value (records, strings, numbers, immutable collections, pids);
     *                never {@code null}
     */
    public static void send(Pid to, Object message) {
        ProcessApi.send(to, message);
    }

    /**
     * Sends a message to the process registered as {@code name}.
     *
     * @throws NoSuchNameException if the name is not registered
     */
    public static void send(String name, Object message) {
        ProcessApi.send(name, message);
    }

    /**
     * Sends a message to the process registered as {@code name.name()} on node {@code name.node()}
     * (Erlang's {@code {Name, Node} ! Message}); this node or another. A name that is not registered
     * on another node drops the message there; on this node it throws {@link NoSuchNameException}.
     */
    public static void send(Name name, Object message) {
        ProcessApi.send(name, message);
    }

    /** Takes the oldest message, waiting as long as it takes. */
    public static Object receive() {
        return ProcessApi.receive(null, null);
    }

    /** Takes the oldest message, or returns {@code null} after {@code timeout}. Zero does not wait. */
    public static Object receive(Duration timeout) {
        return ProcessApi.receive(null, timeout);
    }

    /** Takes the oldest message of type {@code type}, leaving others in the mailbox. */
    public static <T> T receive(Class<T> type) {
        return type.cast(ProcessApi.receive(type::isInstance, null));
    }

    /** Like {@link #receive(Class)}, returning {@code null} after {@code timeout}. */
    public static <T> T receive(Class<T> type, Duration timeout) {
        return type.cast(ProcessApi.receive(type::isInstance, timeout));
    }

    /** Takes the oldest message that matches {@code filter}, leaving others in the mailbox. */
    public static Object receive(Predicate<Object> filter) {
        return ProcessApi.receive(filter, null);
    }

    /** Like {@link #receive(Predicate)}, returning {@code null} after {@code timeout}. */
    public static Object receive(Predicate<Object> filter, Duration timeout) {
        return ProcessApi.receive(filter, timeout);
    }

    /**
     * Suspends the calling threaded process (or plain thread) without touching its mailbox. Unlike
     * ConcurrentLua's {@code sleep}, a message does not cut it short; a kill does.
     */
    public static void sleep(Duration duration) throws InterruptedException {
        ProcessApi.sleep(duration);
    }

    /** Sends {@code message} to {@code to} after {@code delay} (Erlang's {@code send_after}). */
    public static Cancellable sendAfter(Duration delay, Pid to, Object message) {
        return ProcessApi.sendAfter(delay, to, message);
    }

    /**
     * Sends {@code payload} under {@code topic}: the receiver gets a {@link TopicMessage} carrying
     * the topic and the sender (Wippy's {@code process.send(dest, topic, payload)}).
     */
    public static void send(Pid to, String topic, Object payload) {
        ProcessApi.sendTopic(to, topic, payload);
    }

    /** {@link #send(Pid, String, Object)} to a registered name. */
    public static void send(String name, String topic, Object payload) {
        ProcessApi.sendTopic(name, topic, payload);
    }

    // ---------------------------------------------------------------- mailbox views

    /**
     * The calling process's inbox as a {@link Source}, for {@link Select}: every message except
     * lifecycle events ({@link #events()}) and topics taken by {@link #listen(String)}. It is the
     * same mailbox {@link #receive()} reads, not a copy: order is kept across all views.
     */
    public static Source<Object> inbox() {
        return ProcessApi.inbox();
    }

    /** The calling process's lifecycle events: {@link Exit}, {@link Down} and {@link Cancel}. */
    public static Source<Object> events() {
        return ProcessApi.events();
    }

    /**
     * A view that takes the {@link TopicMessage}s of {@code topic} out of the inbox: from now on
     * {@link #inbox()} no longer yields them (plain {@link #receive()} still does).
     */
    public static Source<Object> listen(String topic) {
        return ProcessApi.listen(topic);
    }

    /** Gives {@code topic} back to the inbox. */
    public static void unlisten(String topic) {
        ProcessApi.unlisten(topic);
    }

    // ---------------------------------------------------------------- coroutines

    /**
     * Starts a coroutine of the calling threaded process: {@code body} runs on its own virtual
     * thread but never at the same time as the process's body or its other coroutines; they take
     * turns only where one waits in a Troupe call (receive, select, a channel operation, sleep).
     * So coroutines share the process's state without locks, and each turn happens-before the next.
     * An exception in a coroutine ends the process with that failure; coroutines end with their
     * process.
     */
    public static void coroutine(Runnable body) {
        ProcessApi.coroutine(body);
    }

    // ---------------------------------------------------------------- names

    /** Registers the calling process as {@code name}; see {@link TroupeRuntime#register}. */
    public static void register(String name) {
        ProcessApi.register(name, null);
    }

    /** Registers {@code pid} as {@code name}; see {@link TroupeRuntime#register}. */
    public static void register(String name, Pid pid) {
        ProcessApi.register(name, pid);
    }

    /** Removes a name; returns {@code false} if it was not registered. */
    public static boolean unregister(String name) {
        return ProcessApi.unregister(name);
    }

    /** The process registered as {@code name}, if any. */
    public static Optional<Pid> whereis(String name) {
        return ProcessApi.whereis(name);
    }

    /** A snapshot of the registered names. */
    public static Set<String> registered() {
        return ProcessApi.registered();
    }

    // ---------------------------------------------------------------- links, monitors, exits

    /**
     * Links the caller and {@code pid}: when either exits abnormally, the other receives an exit
     * signal (see {@link ExitReason}). Linking twice is the same as once. Linking to a process that
     * does not exist sends the caller an exit signal with reason {@link ExitReason#NOPROC}.
     */
    public static void link(Pid pid) {
        ProcessApi.link(pid);
    }

    /** Removes a link. Once it returns, no exit signal travels through that link. */
    public static void unlink(Pid pid) {
        ProcessApi.unlink(pid);
    }

    /** Monitors {@code pid}: exactly one {@link Down} arrives when it ends, for any reason. */
    public static Ref monitor(Pid pid) {
        return ProcessApi.monitor(pid);
    }

    /**
     * Removes a monitor. Once it returns, no {@link Down} for it is in the mailbox or will arrive.
     *
     * @return whether the monitor was still active
     */
    public static boolean demonitor(Ref monitor) {
        return ProcessApi.demonitor(monitor);
    }

    /**
     * Turns exit trapping on or off for the calling process (not globally, unlike ConcurrentLua):
     * when on, exit signals arrive as {@link Exit} messages instead of ending the process, except
     * {@link ExitReason#KILL}.
     *
     * @return the previous setting
     */
    public static boolean trapExit(boolean on) {
        return ProcessApi.trapExit(on);
    }

    /** Ends the calling process with {@code reason}. Does not return. */
    public static void exit(ExitReason reason) {
        ProcessApi.exit(reason);
    }

    /** Ends the calling process with any value as its reason; see {@link ExitReason#of}. */
    public static void exit(Object reason) {
        ProcessApi.exit(ExitReason.of(reason));
    }

    /** Sends an exit signal to {@code pid} (Erlang's {@code exit/2}); see {@link ExitReason}. */
    public static void exit(Pid pid, ExitReason reason) {
        ProcessApi.exit(pid, reason);
    }

    /**
     * Asks {@code pid} to stop gracefully: it receives a {@link Cancel} event, and returning is a
     * normal exit.
     */
    public static void cancel(Pid pid) {
        ProcessApi.cancel(pid);
    }

    /** Ends {@code pid} at once, abnormally: {@code exit(pid, KILL)}. */
    public static void terminate(Pid pid) {
        ProcessApi.exit(pid, ExitReason.KILL);
    }

    /** Whether {@code pid} is a live process. */
    public static boolean isAlive(Pid pid) {
        return ProcessApi.isAlive(pid);
    }
}
