package io.troupe.supervision;

/**
 * The states of a service under a {@link ServiceManager} (Wippy's service states).
 *
 * <pre>
 *                 start                 started
 *   UNKNOWN ───────────────► STARTING ─────────────► RUNNING
 *   STOPPED / EXITED ──────►    │  ▲                   │  │
 *                    start      │  │ retry timer       │  │ stop
 *                   failure     ▼  │                   │  ▼
 *                             FAILED ◄─────────────────┘ STOPPING ──► STOPPED
 *                               │         failure             (SHUTDOWN, then KILL after stop timeout)
 *                               ▼ max attempts reached
 *                             EXITED ◄── clean exit (per Restart type), or a start function that gave up
 * </pre>
 *
 * A service waiting for its dependencies to run is {@link #STARTING}. Stopping a service that is
 * {@code STARTING} or {@code FAILED} also ends in {@link #STOPPED}.
 */
public enum ServiceState {
    /** Declared, never started. */
    UNKNOWN,
    /** Its dependencies are being waited for, or its start function is running. */
    STARTING,
    /** Its process is alive. */
    RUNNING,
    /** An explicit stop is in progress: the process got {@code SHUTDOWN} and has the stop timeout to end. */
    STOPPING,
    /** Stopped explicitly; {@code start(name)} starts it again. */
    STOPPED,
    /** It crashed or failed to start; a retry is scheduled by its {@link RestartPolicy}. */
    FAILED,
    /**
     * It will not be retried: it exited in a way its {@link Restart} type does not restart
     * (by default a clean exit), or it failed {@code maxAttempts} retries in a row. {@code start(name)}
     * starts it again.
     */
    EXITED;

    /** Whether a service in this state has, or may soon have, a process: STARTING, RUNNING, STOPPING or FAILED. */
    public boolean isActive() {
        return this == STARTING || this == RUNNING || this == STOPPING || this == FAILED;
    }
}
