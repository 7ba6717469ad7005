package io.troupe.internal;

import io.troupe.Source;
import io.troupe.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A one-shot timer whose firing is a non-blocking send to a one-slot channel. */
public final class TimerImpl implements Timer {
    private final ChannelImpl<Instant> channel = new ChannelImpl<>(1);
    private final ReentrantLock lock = new ReentrantLock();
    private ScheduledFuture<?> pending;

    private TimerImpl() {
    }

    public static TimerImpl start(Duration duration) {
        TimerImpl timer = new TimerImpl();
        timer.reset(duration);
        return timer;
    }

    @Override
    public Source<Instant> channel() {
        return channel;
    }

    @Override
    public boolean stop() {
        lock.lock();
        try {
            return pending != null && pending.cancel(false);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reset(Duration duration) {
        lock.lock();
        try {
            if (pending != null) pending.cancel(false);
            pending = SharedTimers.EXECUTOR.schedule(() -> channel.trySend(Instant.now()),
                    Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }
}
