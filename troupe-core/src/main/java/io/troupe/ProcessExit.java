package io.troupe;

/**
 * Thrown inside a process to unwind it: by {@code Troupe.exit(reason)}, or by a Troupe call made by
 * a process that has already been killed. The runtime catches it at the bottom of the process and
 * ends the process with {@link #reason()}.
 *
 * <p>It is an {@link Error} so that {@code catch (Exception e)} in user code does not swallow it.
 * Code that catches {@code Throwable} must rethrow it.
 */
public final class ProcessExit extends Error {
    private final transient ExitReason reason;

    public ProcessExit(ExitReason reason) {
        super(String.valueOf(reason), null, false, false);
        this.reason = reason;
    }

    /** Why the process is exiting. */
    public ExitReason reason() {
        return reason;
    }
}
