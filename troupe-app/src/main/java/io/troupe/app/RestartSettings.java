package io.troupe.app;

import java.time.Duration;
import java.util.Objects;

/**
 * The backoff between restarts of a failed service ({@code lifecycle.restart:} in YAML). Defaults
 * are Wippy's: the n-th retry waits {@code initial_delay × backoff_factor^(n-1)}, capped at
 * {@code max_delay}, randomised by ±{@code jitter}; so 1 s, 2 s, 4 s, 8 s … 90 s, each ±10 %.
 *
 * <table>
 *   <caption>Restart settings</caption>
 *   <tr><th>YAML</th><th>default</th><th>constraint</th></tr>
 *   <tr><td>{@code initial_delay}</td><td>1s</td><td>&ge; 0</td></tr>
 *   <tr><td>{@code max_delay}</td><td>90s</td><td>&ge; initial_delay</td></tr>
 *   <tr><td>{@code backoff_factor}</td><td>2.0</td><td>&ge; 1</td></tr>
 *   <tr><td>{@code jitter}</td><td>0.1</td><td>0 … 1</td></tr>
 *   <tr><td>{@code max_attempts}</td><td>0</td><td>&ge; 0; 0 means retry forever</td></tr>
 * </table>
 */
public record RestartSettings(Duration initialDelay, Duration maxDelay, double backoffFactor, double jitter,
                              int maxAttempts) {

    public RestartSettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) throw new IllegalArgumentException("initial_delay must not be negative");
        if (maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("max_delay must be >= initial_delay");
        if (!(backoffFactor >= 1.0)) throw new IllegalArgumentException("backoff_factor must be >= 1");
        if (!(jitter >= 0.0 && jitter <= 1.0)) throw new IllegalArgumentException("jitter must be between 0 and 1");
        if (maxAttempts < 0) throw new IllegalArgumentException("max_attempts must be >= 0");
    }

    /** 1 s, doubling, at most 90 s, ±10 %, forever. */
    public static RestartSettings defaults() {
        return new RestartSettings(Duration.ofSeconds(1), Duration.ofSeconds(90), 2.0, 0.1, 0);
    }
}
