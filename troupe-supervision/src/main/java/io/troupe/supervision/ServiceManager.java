package io.troupe.supervision;

import io.troupe.Pid;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A handle to a running service manager: one process that starts, watches, retries and stops a
 * fixed set of named services (Wippy's supervisor of {@code process.service} entries). Get one from
 * {@link Services#start}.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Each service moves through the {@link ServiceState}s; every transition is sent to the
 *       subscribers as a {@link ServiceEvent}.</li>
 *   <li>A service's process is linked to the manager, which traps exits. When it exits, its
 *       {@link Restart} type decides: retried (FAILED, then STARTING after the backoff delay of its
 *       {@link RestartPolicy}) or done (EXITED).</li>
 *   <li>Starting a service starts the services it {@code requires} first; it stays STARTING until
 *       they all run. A dependency that fails later does not stop its dependents.</li>
 *   <li>Stopping sends the exit signal {@code SHUTDOWN} (a service that traps exits gets an
 *       {@code Exit} message and may clean up), then kills after the stop timeout.</li>
 *   <li>Timers ({@code Troupe.sendAfter}) drive every delay; no thread sleeps.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * All methods may be called from any thread or process. {@link #start}, {@link #stop},
 * {@link #subscribe} and {@link #unsubscribe} send a message to the manager and return at once;
 * the manager handles them in order. {@link #state} and {@link #states} read a snapshot the manager
 * publishes after every transition. After {@link #stopAll} the manager is gone and commands are
 * ignored.
 */
public interface ServiceManager {

    /** The manager process. */
    Pid pid();

    /** The service names, in declaration order. */
    List<String> names();

    /**
     * Starts a service (and the services it requires) if it is not active; a FAILED service is
     * retried at once. Starting a STOPPING service starts it again once it has stopped.
     *
     * @throws IllegalArgumentException if there is no such service
     */
    void start(String name);

    /**
     * Stops a service: RUNNING goes through STOPPING to STOPPED; a STARTING or FAILED service is
     * stopped too (a start in progress is stopped as soon as it completes, or killed at the stop
     * timeout). Its dependents are not stopped.
     *
     * @throws IllegalArgumentException if there is no such service
     */
    void stop(String name);

    /**
     * The current state of a service.
     *
     * @throws IllegalArgumentException if there is no such service
     */
    ServiceState state(String name);

    /** A snapshot of every service's state, in declaration order. */
    Map<String, ServiceState> states();

    /**
     * Sends {@code subscriber} a {@link ServiceEvent} for every transition from now on, until it
     * unsubscribes or exits. Read {@link #states()} afterwards for the states it started from; or
     * pass subscribers to {@link Services#start(io.troupe.TroupeRuntime, List, Pid...)} to see every
     * transition from the first.
     */
    void subscribe(Pid subscriber);

    /** Stops sending events to {@code subscriber}. */
    void unsubscribe(Pid subscriber);

    /**
     * Stops every service, dependents before their dependencies, each by its stop timeout, then ends
     * the manager. Blocks until done or {@code timeout}.
     *
     * @return whether everything stopped within {@code timeout}
     */
    boolean stopAll(Duration timeout);
}
