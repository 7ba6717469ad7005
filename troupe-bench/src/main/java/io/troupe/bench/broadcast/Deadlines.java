package io.troupe.bench.broadcast;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for the driver: measurement windows and polls, each with a deadline. */
final class Deadlines {
    private Deadlines() {
    }

    /** Lets {@code millis} of wall time pass (a measurement window or a poll interval). */
    static void pause(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int i = 0; i < 1_000_000; i++) {
            long left = end - System.nanoTime();
            if (left <= 0) return;
            LockSupport.parkNanos(left);
        }
    }

    /** Polls {@code done} every {@code pollMillis} until it holds or {@code timeoutMillis} pass; returns whether it held. */
    static boolean await(BooleanSupplier done, long pollMillis, long timeoutMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (long i = 0; i <= timeoutMillis / Math.max(1, pollMillis) + 1; i++) {
            if (done.getAsBoolean()) return true;
            if (System.nanoTime() >= end) return false;
            pause(pollMillis);
        }
        return done.getAsBoolean();
    }
}
