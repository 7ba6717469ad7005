package io.troupe.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed service is retried: exponential backoff with jitter, as Wippy's
 * {@code lifecycle.restart}. The delay before retry {@code n} (1, 2, 3, ...) is
 * {@code min(initialDelay * factor^(n-1), maxDelay)}, then multiplied by a random factor in
 * {@code [1 - jitter, 1 + jitter]}. With the defaults: 1 s, 2 s, 4 s, 8 s ... capped at 90 s, each
 * ±10 %.
 *
 * @param initialDelay the delay before the first retry; {@code >= 0}
 * @param factor       the multiplier per retry; {@code >= 1}
 * @param maxDelay     the cap on the delay (before jitter); {@code >= initialDelay}
 * @param jitter       the relative randomisation, in {@code [0, 1]}
 * @param maxAttempts  how many retries in a row before giving up (state {@link ServiceState#EXITED});
 *                     {@code 0} = never give up. A service that stayed up for its stable threshold
 *                     starts counting afresh.
 */
public record RestartPolicy(Duration initialDelay, double factor, Duration maxDelay, double jitter, int maxAttempts) {

    public RestartPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay must be >= 0: " + initialDelay);
        if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be >= initialDelay: " + maxDelay);
        if (!(factor >= 1.0) || Double.isInfinite(factor)) throw new IllegalArgumentException("factor must be >= 1: " + factor);
        if (!(jitter >= 0.0 && jitter <= 1.0)) throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        if (maxAttempts < 0) throw new IllegalArgumentException("maxAttempts must be >= 0: " + maxAttempts);
    }

    /** Wippy's defaults: 1 s initial delay, factor 2, 90 s cap, jitter 0.1, unlimited attempts. */
    public static RestartPolicy defaults() {
        return new RestartPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(90), 0.1, 0);
    }

    /** The delay before retry {@code attempt} (1-based), before jitter. */
    public Duration baseDelay(int attempt) {
        if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
        double nanos = initialDelay.toNanos() * Math.pow(factor, attempt - 1);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }

    /**
     * The delay before retry {@code attempt} with jitter applied.
     *
     * @param random a number in {@code [0, 1)}; {@code 0.5} gives the base delay
     */
    public Duration delay(int attempt, double random) {
        double scale = 1.0 + jitter * (2.0 * random - 1.0);
        return Duration.ofNanos(Math.round(baseDelay(attempt).toNanos() * scale));
    }

    public RestartPolicy withInitialDelay(Duration initialDelay) {
        return new RestartPolicy(initialDelay, factor, maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay, jitter, maxAttempts);
    }

    public RestartPolicy withFactor(double factor) {
        return new RestartPolicy(initialDelay, factor, maxDelay, jitter, maxAttempts);
    }

    public RestartPolicy withMaxDelay(Duration maxDelay) {
        return new RestartPolicy(initialDelay, factor, maxDelay, jitter, maxAttempts);
    }

    public RestartPolicy withJitter(double jitter) {
        return new RestartPolicy(initialDelay, factor, maxDelay, jitter, maxAttempts);
    }

    public RestartPolicy withMaxAttempts(int maxAttempts) {
        return new RestartPolicy(initialDelay, factor, maxDelay, jitter, maxAttempts);
    }
}
