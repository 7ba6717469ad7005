package io.troupe.server.internal.master;

import java.time.Duration;

/**
 * When to restart a server that went down: {@code initial}, doubling per quick failure up to
 * {@code max}; a run longer than {@code stable} starts again from {@code initial}; after
 * {@code attempts} quick failures in a row, no more restarts.
 */
record Backoff(Duration initial, Duration max, Duration stable, int attempts) {
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 10);

    /** The delay before restart number {@code failuresInARow} (1-based), or {@code null} to give up. */
    Duration delay(int failuresInARow) {
        if (failuresInARow > attempts) return null;
        long millis = initial.toMillis() << Math.min(failuresInARow - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
