package io.troupe.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ServiceEntry} is started, stopped and restarted ({@code lifecycle:} in YAML). Every
 * field is optional; the defaults are Wippy's ({@code api/supervisor/config.go}).
 *
 * <table>
 *   <caption>Lifecycle settings</caption>
 *   <tr><th>YAML</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code auto_start}</td><td>false</td><td>start when the app boots</td></tr>
 *   <tr><td>{@code start_timeout}</td><td>10s</td><td>longest time a start may take</td></tr>
 *   <tr><td>{@code stop_timeout}</td><td>10s</td><td>longest time a graceful stop may take before the
 *       process is killed</td></tr>
 *   <tr><td>{@code stable_threshold}</td><td>5s</td><td>once a service has run this long, its retry
 *       count resets</td></tr>
 *   <tr><td>{@code requires}</td><td>[]</td><td>services (or hosts) that start before this one and
 *       stop after it ({@code depends_on} is accepted as an alias)</td></tr>
 *   <tr><td>{@code restart}</td><td>see {@link RestartSettings}</td><td>backoff between restarts</td></tr>
 * </table>
 *
 * @param autoStart       start when the app boots
 * @param startTimeout    longest time a start may take
 * @param stopTimeout     longest time a graceful stop may take
 * @param stableThreshold run time after which the retry count resets
 * @param requires        what must be running first
 * @param restart         backoff between restarts
 */
public record Lifecycle(boolean autoStart, Duration startTimeout, Duration stopTimeout, Duration stableThreshold,
                        List<EntryId> requires, RestartSettings restart) {

    public static final Duration DEFAULT_START_TIMEOUT = io.troupe.supervision.ServiceSpec.DEFAULT_START_TIMEOUT;
    public static final Duration DEFAULT_STOP_TIMEOUT = io.troupe.supervision.ServiceSpec.DEFAULT_STOP_TIMEOUT;
    public static final Duration DEFAULT_STABLE_THRESHOLD = io.troupe.supervision.ServiceSpec.DEFAULT_STABLE_THRESHOLD;

    public Lifecycle {
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(stableThreshold, "stableThreshold");
        Objects.requireNonNull(restart, "restart");
        for (Duration d : List.of(startTimeout, stopTimeout, stableThreshold)) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("lifecycle durations must be more than 0");
        }
        requires = List.copyOf(requires);
    }

    /** Wippy's defaults: not auto-started, 10 s to start and to stop, stable after 5 s, no requirements. */
    public static Lifecycle defaults() {
        return new Lifecycle(false, DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT, DEFAULT_STABLE_THRESHOLD,
                List.of(), RestartSettings.defaults());
    }

    public Lifecycle withAutoStart(boolean autoStart) {
        return new Lifecycle(autoStart, startTimeout, stopTimeout, stableThreshold, requires, restart);
    }

    public Lifecycle withRestart(RestartSettings restart) {
        return new Lifecycle(autoStart, startTimeout, stopTimeout, stableThreshold, requires, restart);
    }
}
