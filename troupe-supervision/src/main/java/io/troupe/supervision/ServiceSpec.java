package io.troupe.supervision;

import io.troupe.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A named, long-running service (Wippy's {@code process.service} entry with its {@code lifecycle}).
 *
 * <pre>{@code
 * ServiceSpec.worker("relay", Relay::run)
 *     .withAutoStart(true)
 *     .withRequires("database")
 *     .withRestartPolicy(RestartPolicy.defaults().withMaxAttempts(10));
 * }</pre>
 *
 * @param name            unique within a {@link ServiceManager}
 * @param start           how to start its process; called for every start and retry (so a handler
 *                        factory gives each incarnation fresh state)
 * @param autoStart       start it when the manager starts; default {@code false}, as Wippy
 * @param restart         which exits are retried: default {@link Restart#TRANSIENT}, so a failure is
 *                        retried and a clean exit ({@code normal} or {@code shutdown}) ends in
 *                        {@link ServiceState#EXITED}; {@link Restart#PERMANENT} retries every exit,
 *                        {@link Restart#TEMPORARY} none
 * @param restartPolicy   the backoff between retries; default {@link RestartPolicy#defaults()}
 * @param stableThreshold a service that has been running this long has its retry count reset, so
 *                        its next failure is retried after the initial delay; default 5 s
 * @param startTimeout    how long a start function may take; default 10 s. A start that takes
 *                        longer is killed and counts as a failure
 * @param stopTimeout     how long a stopping service has after {@code SHUTDOWN} before it is killed;
 *                        default 10 s
 * @param requires        the services this one depends on: they are started before it and it waits
 *                        until they are {@link ServiceState#RUNNING}; on {@code stopAll} it is stopped
 *                        before them
 */
public record ServiceSpec(String name, ChildStart start, boolean autoStart, Restart restart, RestartPolicy restartPolicy,
                          Duration stableThreshold, Duration startTimeout, Duration stopTimeout, List<String> requires) {

    public static final Duration DEFAULT_STABLE_THRESHOLD = Duration.ofSeconds(5);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        requires = List.copyOf(requires);
        if (name.isBlank()) throw new IllegalArgumentException("service name must not be blank");
        positive("stableThreshold", stableThreshold);
        positive("startTimeout", startTimeout);
        positive("stopTimeout", stopTimeout);
    }

    private static void positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(what + " must be positive: " + value);
    }

    /** A service started by any {@link ChildStart}, with the defaults. */
    public static ServiceSpec of(String name, ChildStart start) {
        return new ServiceSpec(name, start, false, Restart.TRANSIENT, RestartPolicy.defaults(),
                DEFAULT_STABLE_THRESHOLD, DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT, List.of());
    }

    /** A threaded process running {@code body}; see {@link ChildStart#worker(Runnable)}. */
    public static ServiceSpec worker(String name, Runnable body) {
        return of(name, ChildStart.worker(body));
    }

    /** A handler process, running once {@code init} has returned; see {@link ChildStart#handler(Supplier)}. */
    public static ServiceSpec handler(String name, Supplier<? extends Handler> factory) {
        return of(name, ChildStart.handler(factory));
    }

    /** A supervision tree, running once all of its children have started. */
    public static ServiceSpec supervisor(String name, SupervisorSpec spec) {
        return of(name, ChildStart.supervisor(spec));
    }

    public ServiceSpec withAutoStart(boolean autoStart) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withRestart(Restart restart) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withRestartPolicy(RestartPolicy restartPolicy) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withStableThreshold(Duration stableThreshold) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withStartTimeout(Duration startTimeout) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withStopTimeout(Duration stopTimeout) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }

    public ServiceSpec withRequires(String... requires) {
        return withRequires(List.of(requires));
    }

    public ServiceSpec withRequires(List<String> requires) {
        return new ServiceSpec(name, start, autoStart, restart, restartPolicy, stableThreshold, startTimeout, stopTimeout, requires);
    }
}
