package io.troupe.supervision.internal;

import io.troupe.Cancellable;
import io.troupe.Pid;
import io.troupe.supervision.ServiceSpec;
import io.troupe.supervision.ServiceState;

/** One service's run-time state inside the manager process. Manager-owned; no locks. */
final class ServiceSlot {
    final ServiceSpec spec;
    ServiceState state = ServiceState.UNKNOWN;
    /** Incremented by every start; timers and starter reports carry it. */
    int generation;
    /** Retries in a row since the last stable run or explicit start. */
    int attempts;
    /** The service process, while RUNNING or STOPPING. */
    Pid pid;
    /**
     * The starter, from launch until it exits: while the start function runs ({@code pid == null})
     * and then during the hand-over of the new process ({@code pid != null}).
     */
    Pid starter;
    /** {@code System.nanoTime()} when it became RUNNING, or 0. */
    long runningSince;
    /** The one pending timer: retry, start timeout or stop timeout. */
    Cancellable timer;
    /** A start was requested while it was stopping. */
    boolean startAfterStop;

    ServiceSlot(ServiceSpec spec) {
        this.spec = spec;
    }

    /** Whether a start function is running (the starter has not handed a process over yet). */
    boolean starting() {
        return starter != null && pid == null;
    }

    String name() {
        return spec.name();
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Whether the run that just ended lasted at least the stable threshold. */
    boolean ranStably(long now) {
        return runningSince != 0 && now - runningSince >= spec.stableThreshold().toNanos();
    }
}
