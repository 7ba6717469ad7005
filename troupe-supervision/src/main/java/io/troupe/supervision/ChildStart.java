package io.troupe.supervision;

import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.supervision.internal.Starts;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to start one child or service: OTP's start function ({@code {M, F, A}} returning
 * {@code {ok, Pid}}). It is called in the process that will own the child (a supervisor, or the
 * service manager's starter) each time the child is started, so every restart begins afresh.
 *
 * <h2>Contract</h2>
 * <ol>
 *   <li>It runs in a threaded process and may block (for example until the child has initialised),
 *       but must not take messages it does not own: the process is the supervisor's, and a plain
 *       {@code receive()} would steal its requests and exit signals. Wait with a selective
 *       receive, or {@code Troupe.sleep}.</li>
 *   <li>It must start exactly one process <em>linked</em> to the calling process (with
 *       {@code Troupe.spawnLink} or {@code Supervisor.startLink}) and return its pid.</li>
 *   <li>It may return {@code null} to say "nothing to start" (OTP's {@code ignore}); a supervisor
 *       keeps such a child with no pid, a service manager counts it as a failed start.</li>
 *   <li>Throwing means the start failed. A {@link SupervisorException} with kind
 *       {@link SupervisorException.Kind#START_FAILED} passes its {@link SupervisorException#reason()}
 *       on; any other exception becomes an {@link io.troupe.ExitReason.Failure}.</li>
 * </ol>
 *
 * <p>The factories below cover threaded processes, handler processes and nested supervisors.
 */
@FunctionalInterface
public interface ChildStart {

    /** Starts the child; see the contract above. */
    Pid start() throws Exception;

    /**
     * A threaded process running {@code body}. It counts as started as soon as it is spawned; its
     * body starts running concurrently.
     */
    static ChildStart worker(Runnable body) {
        Objects.requireNonNull(body, "body");
        return Starts.worker(body);
    }

    /**
     * A handler process made by {@code factory}, which is called once per start, so each restart
     * gets fresh state. Like {@code gen_server:start_link}, the start waits until
     * {@link Handler#init()} has returned; if {@code init} throws, the start fails with that reason.
     */
    static ChildStart handler(Supplier<? extends Handler> factory) {
        Objects.requireNonNull(factory, "factory");
        return Starts.handler(factory);
    }

    /** A nested supervisor: the start returns once all of its children have started. */
    static ChildStart supervisor(SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return () -> Supervisor.startLink(spec).pid();
    }
}
