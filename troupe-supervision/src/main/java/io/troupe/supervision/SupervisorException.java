package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.TroupeException;

/**
 * A supervisor call that could not be carried out: the {@code {error, ...}} results of OTP's
 * {@code supervisor} functions, plus timeouts and dead supervisors.
 */
public final class SupervisorException extends TroupeException {

    /** What went wrong. */
    public enum Kind {
        /** No child with that id ({@code not_found}). */
        NOT_FOUND,
        /** The child is running, so it cannot be restarted or deleted ({@code running}). */
        RUNNING,
        /** A child with that id exists but is not running ({@code already_present}). */
        ALREADY_PRESENT,
        /** A child with that id is running; see {@link #pid()} ({@code already_started}). */
        ALREADY_STARTED,
        /** A start function failed; see {@link #reason()}. */
        START_FAILED,
        /** The supervisor did not answer within the call timeout. */
        TIMEOUT,
        /** The supervisor is not alive (or died during the call; see {@link #reason()}). */
        NOT_ALIVE
    }

    private final Kind kind;
    private final transient ExitReason reason;
    private final transient Pid pid;

    public SupervisorException(Kind kind, String message, ExitReason reason, Pid pid) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.pid = pid;
    }

    /** A failed start with its reason. */
    public static SupervisorException startFailed(String what, ExitReason reason) {
        return new SupervisorException(Kind.START_FAILED, what + " failed to start: " + reason, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The exit reason behind {@link Kind#START_FAILED} or {@link Kind#NOT_ALIVE}, else {@code null}. */
    public ExitReason reason() {
        return reason;
    }

    /** The running child's pid for {@link Kind#ALREADY_STARTED}, else {@code null}. */
    public Pid pid() {
        return pid;
    }
}
