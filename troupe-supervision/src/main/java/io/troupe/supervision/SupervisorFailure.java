package io.troupe.supervision;

import io.troupe.ExitReason;

import java.time.Duration;

/**
 * Why a supervisor gave up. A supervisor that gives up exits with {@code ExitReason.of(failure)},
 * an {@link ExitReason.Value} holding one of these records, which its links and monitors (its own
 * supervisor, usually) see:
 *
 * <pre>{@code
 * if (down.reason() instanceof ExitReason.Value(SupervisorFailure.IntensityExceeded e)) ...
 * }</pre>
 */
public sealed interface SupervisorFailure {

    /**
     * More than {@code maxRestarts} restarts happened within {@code period}.
     *
     * @param supervisor  the supervisor's registered name, or {@code null}
     * @param maxRestarts the configured limit
     * @param period      the configured window
     * @param child       the id of the child whose exit went over the limit
     * @param childReason that child's exit reason
     */
    record IntensityExceeded(String supervisor, int maxRestarts, Duration period, String child, ExitReason childReason)
            implements SupervisorFailure {
        @Override
        public String toString() {
            return "reached_max_restart_intensity (" + maxRestarts + " in " + period + "); last exit: child '"
                    + child + "' with " + childReason;
        }
    }

    /**
     * A static child failed to start while the supervisor was starting, so the supervisor did not
     * start: the children started before it were stopped in reverse order.
     *
     * @param child  the id of the child that failed
     * @param reason why its start failed
     */
    record StartFailed(String child, ExitReason reason) implements SupervisorFailure {
        @Override
        public String toString() {
            return "failed_to_start_child '" + child + "': " + reason;
        }
    }
}
