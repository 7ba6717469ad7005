package io.troupe.supervision.internal;

import java.time.Duration;

/**
 * The restart intensity check: remembers the times of recent restarts (a growable ring of
 * {@code System.nanoTime()} values) and says whether one more stays within "at most
 * {@code maxRestarts} in {@code period}". Holds at most {@code maxRestarts + 1} entries.
 */
final class RestartWindow {
    private final int maxRestarts;
    private final long periodNanos;
    private long[] times = new long[8];
    private int head;
    private int size;

    RestartWindow(int maxRestarts, Duration period) {
        this.maxRestarts = maxRestarts;
        this.periodNanos = period.toNanos();
    }

    /** Records a restart at {@code now}; returns {@code false} if it exceeds the intensity. */
    boolean allow(long now) {
        while (size > 0 && now - times[head] >= periodNanos) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == times.length) grow();
        times[(head + size) % times.length] = now;
        size++;
        return size <= maxRestarts;
    }

    private void grow() {
        long[] larger = new long[times.length * 2];
        for (int i = 0; i < size; i++) larger[i] = times[(head + i) % times.length];
        times = larger;
        head = 0;
    }
}
