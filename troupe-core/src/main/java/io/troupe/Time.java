package io.troupe;

import io.troupe.internal.TimerImpl;
import io.troupe.internal.TickerImpl;

import java.time.Duration;
import java.time.Instant;

/**
 * Timers as channels, for {@link Select} (Wippy's {@code time} module). Timers fire on one shared
 * daemon thread and never block it: a firing is a non-blocking send to a one-slot channel.
 */
public final class Time {
    private Time() {
    }

    /** A channel that receives the time once, after {@code duration}. */
    public static Source<Instant> after(Duration duration) {
        return TimerImpl.start(duration).channel();
    }

    /** A one-shot timer with stop and reset. */
    public static Timer timer(Duration duration) {
        return TimerImpl.start(duration);
    }

    /**
     * A ticker that fires every {@code period}.
     *
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public static Ticker ticker(Duration period) {
        return TickerImpl.start(period);
    }
}
