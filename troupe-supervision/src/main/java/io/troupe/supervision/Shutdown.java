package io.troupe.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child (OTP's {@code shutdown} field).
 *
 * <ul>
 *   <li>{@link Timeout}: send the exit signal {@link io.troupe.ExitReason#SHUTDOWN}, wait up to the
 *       timeout for the child to end, then kill it with {@link io.troupe.ExitReason#KILL}. A child
 *       that does not trap exits ends at once; a child that traps exits gets an
 *       {@link io.troupe.Exit} message and may clean up first.</li>
 *   <li>{@link #BRUTAL_KILL}: kill at once, no clean-up.</li>
 *   <li>{@link #INFINITY}: send {@code SHUTDOWN} and wait as long as it takes; the default for
 *       nested supervisors, which stop their own children first.</li>
 * </ul>
 */
public sealed interface Shutdown {

    /** Kill the child at once. */
    Shutdown BRUTAL_KILL = new BrutalKill();
    /** Wait for the child to stop, without a limit. */
    Shutdown INFINITY = new Infinity();

    /** Send {@code SHUTDOWN}, then kill after {@code timeout}. */
    static Shutdown timeout(Duration timeout) {
        return new Timeout(timeout);
    }

    record BrutalKill() implements Shutdown {
        @Override public String toString() { return "brutal_kill"; }
    }

    record Infinity() implements Shutdown {
        @Override public String toString() { return "infinity"; }
    }

    /** @param duration how long the child has to stop after {@code SHUTDOWN}; positive */
    record Timeout(Duration duration) implements Shutdown {
        public Timeout {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("shutdown timeout must be positive (use BRUTAL_KILL for none): " + duration);
            }
        }

        @Override public String toString() { return duration.toString(); }
    }
}
