package io.troupe.supervision;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.internal.Supervisors;

import java.time.Duration;
import java.util.List;

/**
 * An OTP supervisor: a process that starts child processes, watches them through links, restarts
 * them by a {@link Strategy} and their {@link Restart} type, and gives up when they fail too often.
 * This interface is a handle to a running supervisor; start one with {@link #startLink} (from a
 * process, linked) or {@link #start} (from anywhere, not linked).
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   startLink/start ──► start children in order ──► all started: the call returns
 *                              │ a start fails
 *                              ▼
 *                       stop started children (reverse order), exit;  the call throws START_FAILED
 *
 *   running:  child exits ──► restart? (Restart type) ──► intensity ok? ──► apply Strategy
 *                                                          │ exceeded
 *                                                          ▼
 *                         stop all children (reverse order), exit with IntensityExceeded
 *
 *   stop:  exit signal from its parent (any reason), or SHUTDOWN / any abnormal exit signal from a
 *          process that is not its child ──► stop all children (reverse order), exit with that reason;
 *          or {@link #stop} ──► the same, exit normal
 * </pre>
 *
 * <h2>The supervisor process</h2>
 * A threaded process that traps exits and is linked to every child. Each child is stopped as its
 * {@link Shutdown} says, one at a time, and the supervisor waits for each to end. A child that traps
 * exits must end when it receives an {@code Exit} from its supervisor. If a restart itself fails,
 * the supervisor tries again, and each try counts against the restart intensity.
 *
 * <h2>Calls</h2>
 * The child-management methods are request/reply messages to the supervisor process, answered in
 * mailbox order, and time out after {@link #DEFAULT_CALL_TIMEOUT} (see {@link #withCallTimeout}).
 * They may be called from a threaded process or from a plain thread; a handler process must not
 * block, so they throw {@link IllegalStateException} there. They throw {@link SupervisorException}
 * for OTP's {@code {error, ...}} results, for timeouts and if the supervisor is not alive. As with
 * {@code gen_server:call}, a reply that arrives after the timeout stays in the caller's mailbox.
 */
public interface Supervisor {

    /** How long calls wait for the supervisor's reply by default. */
    Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Starts a supervisor linked to the calling process and returns once all of its children have
     * started. Must be called from a threaded process.
     *
     * @throws SupervisorException {@link SupervisorException.Kind#START_FAILED} if a child failed to
     *                             start or the name is taken; the supervisor has then exited and is
     *                             no longer linked to the caller
     */
    static Supervisor startLink(SupervisorSpec spec) {
        return Supervisors.startLink(spec);
    }

    /**
     * Starts a supervisor that is linked to nobody, from any thread or threaded process, and
     * returns once all of its children have started. Stop it with {@link #stop(Duration)} or the
     * exit signal {@code SHUTDOWN}; it also stops when the runtime shuts down.
     *
     * @throws SupervisorException as {@link #startLink}
     */
    static Supervisor start(TroupeRuntime runtime, SupervisorSpec spec) {
        return Supervisors.start(runtime, spec);
    }

    /** A handle to the supervisor running as {@code pid} (for example a nested one). */
    static Supervisor of(TroupeRuntime runtime, Pid pid) {
        return Supervisors.handle(runtime, pid, DEFAULT_CALL_TIMEOUT);
    }

    /** The supervisor process. */
    Pid pid();

    /** This handle with another call timeout. */
    Supervisor withCallTimeout(Duration timeout);

    /**
     * Adds a child at the end of the start order and starts it ({@code start_child}).
     *
     * @return the child's pid, or {@code null} if its start function returned {@code null}
     * @throws SupervisorException ALREADY_STARTED, ALREADY_PRESENT, or START_FAILED (the child is
     *                             then not added)
     */
    Pid startChild(ChildSpec child);

    /**
     * Stops a child as its {@link Shutdown} says, without restarting it ({@code terminate_child}).
     * The child's specification is kept (restart it with {@link #restartChild}), except for a
     * temporary child, which is removed. Terminating a child that is not running does nothing.
     *
     * @throws SupervisorException NOT_FOUND
     */
    void terminateChild(String id);

    /**
     * Starts a child that is not running ({@code restart_child}).
     *
     * @return the new pid, or {@code null} if its start function returned {@code null}
     * @throws SupervisorException NOT_FOUND, RUNNING, or START_FAILED
     */
    Pid restartChild(String id);

    /**
     * Removes a child that is not running ({@code delete_child}).
     *
     * @throws SupervisorException NOT_FOUND or RUNNING
     */
    void deleteChild(String id);

    /** The children in start order ({@code which_children}). */
    List<ChildInfo> whichChildren();

    /**
     * How many restarts this supervisor has performed since it started: each restart decision (one
     * per child exit that caused a restart, and one per retried restart) counts once, whatever the
     * strategy, exactly as restarts count against the intensity. Meant for monitoring and benchmarks.
     */
    long restarts();

    /**
     * Stops the supervisor, as {@code gen_server:stop}: it stops its children in reverse order and
     * exits with {@link io.troupe.ExitReason#NORMAL}, so a linked caller is not taken down. Waits
     * until it has exited. (A supervisor that is itself a permanent child is then restarted by its
     * parent; stop such a one with its parent's {@link #terminateChild}.)
     *
     * @return whether it exited within {@code timeout}
     */
    boolean stop(Duration timeout);
}
