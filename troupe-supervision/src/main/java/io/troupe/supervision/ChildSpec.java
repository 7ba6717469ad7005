package io.troupe.supervision;

import io.troupe.Handler;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One child of a supervisor (OTP's child specification).
 *
 * <pre>{@code
 * ChildSpec.worker("cache", cache::run)                        // permanent, 5 s to shut down
 * ChildSpec.handler("counter", Counter::new).withRestart(Restart.TRANSIENT)
 * ChildSpec.supervisor("pool", poolSpec)                        // waits for the pool to stop
 * }</pre>
 *
 * @param id       unique among the supervisor's children
 * @param start    how to start it; called again for every restart
 * @param restart  when it is restarted; default {@link Restart#PERMANENT}
 * @param shutdown how it is stopped; default 5 s for workers, {@link Shutdown#INFINITY} for supervisors
 * @param type     worker or supervisor, for {@link Supervisor#whichChildren()}
 */
public record ChildSpec(String id, ChildStart start, Restart restart, Shutdown shutdown, ChildType type) {

    /** OTP's default shutdown time for a worker. */
    public static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(5);

    public ChildSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) throw new IllegalArgumentException("child id must not be blank");
    }

    /** A worker started by any {@link ChildStart}. */
    public static ChildSpec of(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, Shutdown.timeout(DEFAULT_SHUTDOWN), ChildType.WORKER);
    }

    /** A threaded process running {@code body}; see {@link ChildStart#worker(Runnable)}. */
    public static ChildSpec worker(String id, Runnable body) {
        return of(id, ChildStart.worker(body));
    }

    /** A handler process with fresh state per start; see {@link ChildStart#handler(Supplier)}. */
    public static ChildSpec handler(String id, Supplier<? extends Handler> factory) {
        return of(id, ChildStart.handler(factory));
    }

    /** A nested supervisor, given unlimited time to shut down. */
    public static ChildSpec supervisor(String id, SupervisorSpec spec) {
        return new ChildSpec(id, ChildStart.supervisor(spec), Restart.PERMANENT, Shutdown.INFINITY, ChildType.SUPERVISOR);
    }

    public ChildSpec withRestart(Restart restart) {
        return new ChildSpec(id, start, restart, shutdown, type);
    }

    public ChildSpec withShutdown(Shutdown shutdown) {
        return new ChildSpec(id, start, restart, shutdown, type);
    }

    /** Shorthand for {@code withShutdown(Shutdown.timeout(timeout))}. */
    public ChildSpec withShutdown(Duration timeout) {
        return withShutdown(Shutdown.timeout(timeout));
    }

    public ChildSpec withType(ChildType type) {
        return new ChildSpec(id, start, restart, shutdown, type);
    }
}
