package io.troupe;

import java.util.Objects;

/**
 * Why a process ended, or the reason carried by an exit signal.
 *
 * <table>
 *   <caption>Reasons and what links do with them</caption>
 *   <tr><th>reason</th><th>linked process, not trapping exits</th><th>linked process, trapping</th></tr>
 *   <tr><td>{@link Normal}</td><td>nothing</td><td>an {@link Exit} message</td></tr>
 *   <tr><td>{@link Kill} (only as a signal sent with {@code exit(pid, KILL)})</td>
 *       <td colspan="2">dies with {@link Killed}: cannot be trapped</td></tr>
 *   <tr><td>any other reason</td><td>dies with the same reason</td><td>an {@link Exit} message</td></tr>
 * </table>
 *
 * <p>Monitors see every exit, with its reason, as a {@link Down} message.
 */
public sealed interface ExitReason {

    /** The body returned, or {@code exit(NORMAL)} was called. Not a failure. */
    ExitReason NORMAL = new Normal();
    /** Orderly shutdown by a supervisor or the runtime. Not a failure. */
    ExitReason SHUTDOWN = new Shutdown();
    /** The untrappable kill signal. A process that receives it exits with {@link #KILLED}. */
    ExitReason KILL = new Kill();
    /** The reason of a process that was killed with {@link #KILL}. */
    ExitReason KILLED = new Killed();
    /** A monitor or link was set up on a process that does not exist. */
    ExitReason NOPROC = new NoProc();
    /** The connection to the process's node was lost. */
    ExitReason NOCONNECTION = new NoConnection();

    /** {@code true} for {@link Normal} and {@link Shutdown}: ends that are not crashes. */
    default boolean isOrderly() {
        return this instanceof Normal || this instanceof Shutdown;
    }

    /** Wraps any value as a reason: an {@code ExitReason} stays itself, a throwable becomes a {@link Failure}. */
    static ExitReason of(Object value) {
        Objects.requireNonNull(value, "reason");
        return switch (value) {
            case ExitReason reason -> reason;
            case Throwable error -> Failure.of(error);
            default -> new Value(value);
        };
    }

    record Normal() implements ExitReason {
        @Override public String toString() { return "normal"; }
    }

    record Shutdown() implements ExitReason {
        @Override public String toString() { return "shutdown"; }
    }

    record Kill() implements ExitReason {
        @Override public String toString() { return "kill"; }
    }

    record Killed() implements ExitReason {
        @Override public String toString() { return "killed"; }
    }

    record NoProc() implements ExitReason {
        @Override public String toString() { return "noproc"; }
    }

    record NoConnection() implements ExitReason {
        @Override public String toString() { return "noconnection"; }
    }

    /**
     * The process ended with an uncaught exception.
     *
     * @param type    the exception's class name
     * @param message the exception's message, or {@code null}
     * @param cause   the exception itself when it happened on this node, else {@code null}
     */
    record Failure(String type, String message, Throwable cause) implements ExitReason {
        public static Failure of(Throwable error) {
            return new Failure(error.getClass().getName(), error.getMessage(), error);
        }

        @Override
        public String toString() {
            return message == null ? type : type + ": " + message;
        }
    }

    /** Any other value given to {@code exit}. */
    record Value(Object value) implements ExitReason {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }
}
