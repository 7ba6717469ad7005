package io.troupe.node.internal;

import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a warning at most once per interval per key (for example per message type), saying how many
 * were suppressed since, so a peer that sends garbage cannot flood the log.
 */
final class RateLimitedLog {
    private static final long INTERVAL_NANOS = 10_000_000_000L;
    private static final int MAX_KEYS = 1024;

    private final Logger logger;
    private final ConcurrentHashMap<String, long[]> last = new ConcurrentHashMap<>();
    private final AtomicLong suppressedTotal = new AtomicLong();

    RateLimitedLog(Logger logger) {
        this.logger = logger;
    }

    void warn(String key, String message, Throwable cause) {
        long now = System.nanoTime();
        if (last.size() > MAX_KEYS) last.clear();
        long[] state = last.computeIfAbsent(key, k -> new long[] {now - INTERVAL_NANOS - 1, 0});
        long suppressed;
        synchronized (state) {
            if (now - state[0] < INTERVAL_NANOS) {
                state[1]++;
                suppressedTotal.incrementAndGet();
                return;
            }
            suppressed = state[1];
            state[0] = now;
            state[1] = 0;
        }
        String text = suppressed == 0 ? message : message + " (" + suppressed + " more like this in the last 10 s)";
        if (cause != null && logger.isDebugEnabled()) logger.warn(text, cause); else logger.warn(text);
    }
}
