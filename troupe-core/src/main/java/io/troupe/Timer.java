package io.troupe;

import java.time.Duration;
import java.time.Instant;

/**
 * A one-shot timer: its {@link #channel()} receives the firing time once, {@code duration} after
 * it was started or last reset. Made by {@link Time#timer(Duration)}.
 */
public interface Timer {
    /** Receives one {@link Instant} when the timer fires (buffered: the firing is never lost). */
    Source<Instant> channel();

    /** A select case on {@link #channel()}. */
    default SelectCase<Instant> onReceive() {
        return channel().onReceive();
    }

    /** Stops the timer. Returns {@code true} if this prevented the firing. */
    boolean stop();

    /** Stops the timer and starts it again to fire {@code duration} from now. */
    void reset(Duration duration);
}
