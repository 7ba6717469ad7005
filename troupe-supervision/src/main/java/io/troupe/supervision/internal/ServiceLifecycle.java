package io.troupe.supervision.internal;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Troupe;
import io.troupe.supervision.RestartPolicy;
import io.troupe.supervision.ServiceState;
import io.troupe.supervision.internal.ManagerMessages.Adopt;
import io.troupe.supervision.internal.ManagerMessages.EarlyExit;
import io.troupe.supervision.internal.ManagerMessages.RetryTimer;
import io.troupe.supervision.internal.ManagerMessages.StartTimer;
import io.troupe.supervision.internal.ManagerMessages.Started;
import io.troupe.supervision.internal.ManagerMessages.StopTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.troupe.supervision.ServiceState.EXITED;
import static io.troupe.supervision.ServiceState.FAILED;
import static io.troupe.supervision.ServiceState.RUNNING;
import static io.troupe.supervision.ServiceState.STARTING;
import static io.troupe.supervision.ServiceState.STOPPED;
import static io.troupe.supervision.ServiceState.STOPPING;

/*
 * Overview: one service's state machine, run inside the manager process (see ServiceState for the
 * picture). The rules:
 *
 *   start     UNKNOWN/STOPPED/EXITED/FAILED -> STARTING (retry count reset unless FAILED)
 *   launch    STARTING: spawn a Starter, arm the start timer
 *   Started   STARTING -> RUNNING (link, Adopt);   STOPPING: adopt, then SHUTDOWN it
 *   exit      RUNNING: Restart type says retry -> failure, else EXITED;  STOPPING -> STOPPED
 *             (a noproc exit during the hand-over waits for the starter's EarlyExit, which has
 *             the real reason)
 *   failure   count a retry (reset first if the run was stable); over maxAttempts -> EXITED,
 *             else FAILED with a retry timer of the backoff delay
 *   stop      RUNNING -> STOPPING (SHUTDOWN + stop timer);  STARTING with a start in progress ->
 *             STOPPING;  STARTING waiting for requirements, FAILED -> STOPPED
 *   timers    each carries the generation of the start it belongs to; a stale one is dropped
 */
final class ServiceLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger("io.troupe.supervision.services");

    private final ManagerProcess manager;

    ServiceLifecycle(ManagerProcess manager) {
        this.manager = manager;
    }

    void start(ServiceSlot slot) {
        switch (slot.state) {
            case UNKNOWN, STOPPED, EXITED -> {
                slot.attempts = 0;
                manager.transition(slot, STARTING, null);
            }
            case FAILED -> {
                slot.cancelTimer();
                manager.transition(slot, STARTING, null);
            }
            case STOPPING -> slot.startAfterStop = true;
            case STARTING, RUNNING -> { }
        }
    }

    /** Runs the start function in a new Starter. Called by the manager once the requirements run. */
    void launch(ServiceSlot slot) {
        int generation = ++slot.generation;
        try {
            slot.starter = Troupe.spawnLink(new Starter(slot.spec.start(), Troupe.self(), slot.name(), generation));
        } catch (RuntimeException e) { // the runtime is shutting down
            failure(slot, ExitReason.Failure.of(e));
            return;
        }
        slot.timer = Troupe.sendAfter(slot.spec.startTimeout(), Troupe.self(), new StartTimer(slot.name(), generation));
    }

    void stop(ServiceSlot slot) {
        slot.startAfterStop = false;
        switch (slot.state) {
            case RUNNING -> {
                manager.transition(slot, STOPPING, null);
                Troupe.exit(slot.pid, ExitReason.SHUTDOWN);
                armStopTimer(slot);
            }
            case STARTING -> {
                slot.cancelTimer();
                if (!slot.starting()) {
                    manager.transition(slot, STOPPED, null);
                } else {
                    manager.transition(slot, STOPPING, null);
                    armStopTimer(slot);
                }
            }
            case FAILED -> {
                slot.cancelTimer();
                manager.transition(slot, STOPPED, null);
            }
            case UNKNOWN, STOPPING, STOPPED, EXITED -> { }
        }
    }

    private void armStopTimer(ServiceSlot slot) {
        slot.timer = Troupe.sendAfter(slot.spec.stopTimeout(), Troupe.self(), new StopTimer(slot.name(), slot.generation));
    }

    /** An exit of the slot's starter or of its process. */
    void onExit(ServiceSlot slot, Exit exit) {
        if (exit.from().equals(slot.starter)) {
            slot.starter = null;
            if (slot.pid == null) {
                startFailed(slot, exit.reason()); // the start failed, or was killed, before the hand-over
            } else if (exit.reason() instanceof ExitReason.Value(EarlyExit(ExitReason reason))) {
                serviceExited(slot, reason);
            }
        } else if (exit.reason() instanceof ExitReason.NoProc && slot.starter != null) {
            LOG.debug("service {} died before its hand-over; its starter reports why", slot.name());
        } else {
            serviceExited(slot, exit.reason());
        }
    }

    private void startFailed(ServiceSlot slot, ExitReason reason) {
        if (slot.state == STOPPING) {
            stopped(slot, reason);
        } else if (slot.state == STARTING) {
            slot.cancelTimer();
            LOG.warn("service {} failed to start: {}", slot.name(), reason);
            failure(slot, reason);
        }
    }

    private void serviceExited(ServiceSlot slot, ExitReason reason) {
        slot.pid = null;
        if (slot.state == STOPPING) {
            stopped(slot, reason);
        } else if (slot.state == RUNNING) {
            if (slot.spec.restart().restartsAfter(reason)) {
                LOG.warn("service {} failed: {}", slot.name(), reason);
                failure(slot, reason);
            } else {
                slot.runningSince = 0;
                manager.transition(slot, EXITED, reason);
            }
        }
    }

    void onTimerOrReport(Object message, Map<String, ServiceSlot> slots) {
        switch (message) {
            case Started started -> onStarted(slots.get(started.name()), started);
            case RetryTimer(String name, int generation) -> {
                ServiceSlot slot = slots.get(name);
                if (slot.state == FAILED && slot.generation == generation) {
                    slot.timer = null;
                    manager.transition(slot, STARTING, null);
                }
            }
            case StartTimer(String name, int generation) -> {
                ServiceSlot slot = slots.get(name);
                if (slot.state == STARTING && slot.generation == generation && slot.starting()) {
                    Troupe.exit(slot.starter, ExitReason.KILL);
                    slot.starter = null;
                    slot.timer = null;
                    ExitReason reason = ExitReason.of("start timeout (" + slot.spec.startTimeout() + ")");
                    LOG.warn("service {} failed to start: {}", name, reason);
                    failure(slot, reason);
                }
            }
            case StopTimer(String name, int generation) -> {
                ServiceSlot slot = slots.get(name);
                if (slot.state == STOPPING && slot.generation == generation) {
                    slot.timer = null;
                    LOG.warn("service {} did not stop within {}; killing it", name, slot.spec.stopTimeout());
                    if (slot.pid != null) {
                        Troupe.exit(slot.pid, ExitReason.KILL); // its Exit completes the stop
                    } else if (slot.starter != null) {
                        Troupe.exit(slot.starter, ExitReason.KILL);
                        slot.starter = null;
                        stopped(slot, ExitReason.KILLED);
                    }
                }
            }
            default -> LOG.warn("service manager {} dropped an unexpected message: {}", Troupe.self(), message);
        }
    }

    private void onStarted(ServiceSlot slot, Started started) {
        if (started.generation() != slot.generation || !slot.starting()) {
            Troupe.exit(started.pid(), ExitReason.KILL); // its starter was killed; do not leave it behind
            return;
        }
        Troupe.link(started.pid());
        Troupe.send(slot.starter, new Adopt());
        slot.pid = started.pid(); // the starter stays tracked until it exits: see onExit
        if (slot.state == STOPPING) {
            Troupe.exit(slot.pid, ExitReason.SHUTDOWN); // stop was asked during the start; its timer runs
            return;
        }
        slot.cancelTimer();
        slot.runningSince = System.nanoTime();
        manager.transition(slot, RUNNING, null);
    }

    private void stopped(ServiceSlot slot, ExitReason reason) {
        slot.cancelTimer();
        slot.runningSince = 0;
        manager.transition(slot, STOPPED, reason);
        if (slot.startAfterStop) {
            slot.startAfterStop = false;
            manager.start(slot);
        }
    }

    /** The service's process (or its start) failed: schedule a retry by the backoff, or give up. */
    private void failure(ServiceSlot slot, ExitReason reason) {
        long now = System.nanoTime();
        if (slot.ranStably(now)) slot.attempts = 0;
        slot.runningSince = 0;
        if (manager.stoppingAll()) {
            manager.transition(slot, STOPPED, reason);
            return;
        }
        RestartPolicy policy = slot.spec.restartPolicy();
        if (policy.maxAttempts() > 0 && slot.attempts >= policy.maxAttempts()) {
            LOG.error("service {} gave up after {} retries: {}", slot.name(), slot.attempts, reason);
            manager.transition(slot, EXITED, reason);
            return;
        }
        slot.attempts++;
        var delay = policy.delay(slot.attempts, ThreadLocalRandom.current().nextDouble());
        manager.transition(slot, FAILED, reason);
        slot.timer = Troupe.sendAfter(delay, Troupe.self(), new RetryTimer(slot.name(), slot.generation));
    }
}
