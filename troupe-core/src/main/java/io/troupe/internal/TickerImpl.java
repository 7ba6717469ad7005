package io.troupe.internal;

import io.troupe.Source;
import io.troupe.Ticker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A repeating timer; a tick the receiver has not taken yet makes the next one be dropped. */
public final class TickerImpl implements Ticker {
    private final ChannelImpl<Instant> channel = new ChannelImpl<>(1);
    private final ScheduledFuture<?> pending;

    private TickerImpl(long periodNanos) {
        pending = SharedTimers.EXECUTOR.scheduleAtFixedRate(() -> channel.trySend(Instant.now()),
                periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    public static TickerImpl start(Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a ticker's period must be positive, was " + period);
        }
        return new TickerImpl(period.toNanos());
    }

    @Override
    public Source<Instant> channel() {
        return channel;
    }

    @Override
    public void stop() {
        pending.cancel(false);
    }
}
