package io.troupe.bench.broadcast;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters shared by every client connection: deliveries, their latency, joins and losses. */
final class LoadStats {
    private static final long MAX_LATENCY_US = TimeUnit.SECONDS.toMicros(120);

    final LongAdder delivered = new LongAdder();
    final AtomicInteger joined = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger closedAfterJoin = new AtomicInteger();
    private final Recorder latency = new Recorder(MAX_LATENCY_US, 3);

    /** Counts one delivery sent at {@code sentNanos} (from the payload). */
    void delivered(long sentNanos) {
        delivered.increment();
        long micros = (System.nanoTime() - sentNanos) / 1000;
        latency.recordValue(Math.max(0, Math.min(micros, MAX_LATENCY_US)));
    }

    /** Latencies (µs) recorded since the previous call. */
    Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }
}
