package io.troupe;

import java.time.Instant;

/**
 * A repeating timer: its {@link #channel()} receives the time at every period. Like Go's ticker,
 * it drops ticks a slow receiver has not taken (the channel holds one). Made by {@link Time#ticker}.
 */
public interface Ticker {
    Source<Instant> channel();

    default SelectCase<Instant> onReceive() {
        return channel().onReceive();
    }

    /** Stops the ticker; no tick is sent afterwards. */
    void stop();
}
