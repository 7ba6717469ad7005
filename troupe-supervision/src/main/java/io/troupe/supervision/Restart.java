package io.troupe.supervision;

import io.troupe.ExitReason;

/**
 * When a child (or a service) is started again after it exits (OTP's restart types).
 *
 * <table>
 *   <caption>Restart decision by exit reason</caption>
 *   <tr><th>restart</th><th>{@link ExitReason#NORMAL} or {@link ExitReason#SHUTDOWN}</th><th>any other reason</th></tr>
 *   <tr><td>{@link #PERMANENT}</td><td>restarted</td><td>restarted</td></tr>
 *   <tr><td>{@link #TRANSIENT}</td><td>not restarted</td><td>restarted</td></tr>
 *   <tr><td>{@link #TEMPORARY}</td><td>not restarted</td><td>not restarted</td></tr>
 * </table>
 *
 * A child stopped by its supervisor (shutdown, {@code terminateChild}) is never restarted for
 * that stop.
 */
public enum Restart {
    /** Always restarted. */
    PERMANENT,
    /** Restarted only after an abnormal exit: anything but {@code normal} and {@code shutdown}. */
    TRANSIENT,
    /** Never restarted; a supervisor forgets a temporary child once it has exited. */
    TEMPORARY;

    /** Whether a child with this restart type is started again after exiting with {@code reason}. */
    public boolean restartsAfter(ExitReason reason) {
        return switch (this) {
            case PERMANENT -> true;
            case TRANSIENT -> !reason.isOrderly();
            case TEMPORARY -> false;
        };
    }
}
