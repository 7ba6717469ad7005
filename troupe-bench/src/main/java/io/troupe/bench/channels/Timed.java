package io.troupe.bench.channels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Measures a rate over a window after a warm-up, from a running counter. Bounded in time. */
final class Timed {
    private Timed() {
    }

    record Rate(String metric, double value) {
    }

    /** Samples {@code counter} after {@code warmupS} and again {@code measureS} later. */
    static Rate rate(String metric, LongSupplier counter, double warmupS, double measureS) throws InterruptedException {
        Thread.sleep((long) (warmupS * 1000));
        long before = counter.getAsLong();
        long start = System.nanoTime();
        Thread.sleep((long) (measureS * 1000));
        long after = counter.getAsLong();
        return new Rate(metric, (after - before) * 1e9 / (System.nanoTime() - start));
    }

    /** A stop flag and a counter shared by the threads of one workload. */
    static final class Run {
        final AtomicBoolean stop = new AtomicBoolean();
        final LongAdder count = new LongAdder();
    }
}
