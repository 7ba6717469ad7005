package io.troupe.server.internal.connector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Warnings about misbehaving clients, at most {@value #PER_WINDOW} per 10 s window, so a flood of bad clients cannot
 * flood the log; the number suppressed is reported with the next window's first warning. Lock-free.
 */
final class RateLimitedLog {
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final int PER_WINDOW = 20;

    private final Logger logger;
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicInteger inWindow = new AtomicInteger();
    private final AtomicInteger suppressed = new AtomicInteger();

    RateLimitedLog(Logger logger) {
        this.logger = logger;
    }

    void warn(String format, Object... args) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start > WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
            int s = suppressed.getAndSet(0);
            if (s > 0) {
                logger.warn("{} similar warnings suppressed in the last 10 s", s);
            }
        }
        if (inWindow.incrementAndGet() <= PER_WINDOW) {
            logger.warn(format, args);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
