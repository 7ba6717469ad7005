package io.troupe.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Timing helpers: every wait here is bounded. */
final class Measure {
    /** {@code -Dbench.trace=true}: print the rate of every measured iteration to stderr. */
    static final boolean TRACE = Boolean.getBoolean("bench.trace");

    private Measure() {
    }

    /** Warms up for {@code warmupS}, then measures for at least {@code measureS}; returns units per second. */
    static double rate(Workload workload, double warmupS, double measureS) throws Exception {
        long warmEnd = System.nanoTime() + (long) (warmupS * 1e9);
        do {
            workload.iterate();
        } while (System.nanoTime() < warmEnd);
        workload.startMeasuring();
        long start = System.nanoTime();
        long end = start + (long) (measureS * 1e9);
        long units = 0;
        long now = start;
        do {
            long before = now;
            long done = workload.iterate();
            units += done;
            now = System.nanoTime();
            if (TRACE) System.err.printf("iteration: %.0f units/s%n", done * 1e9 / (now - before));
        } while (now < end);
        return units * 1e9 / (now - start);
    }

    static void await(CountDownLatch latch) throws InterruptedException, TimeoutException {
        if (!latch.await(Sizes.ITERATION_TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new TimeoutException("iteration did not finish within " + Sizes.ITERATION_TIMEOUT_S
                    + " s (" + latch.getCount() + " parties missing)");
        }
    }

    /** Polls {@code condition} every millisecond (no spinning: there are only two cores). */
    static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Sizes.ITERATION_TIMEOUT_S * 2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new TimeoutException("timed out waiting for " + what);
            Thread.sleep(1);
        }
    }

    /**
     * Heap in use after {@code collections} full collections (G1's System.gc() is a full, compacting
     * collection; with a million virtual-thread stacks on the heap one takes seconds, so the
     * measurement after spawning uses one).
     */
    static long heapUsedAfterGc(int collections) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < collections; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
