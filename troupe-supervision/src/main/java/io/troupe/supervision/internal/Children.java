package io.troupe.supervision.internal;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.supervision.Shutdown;
import io.troupe.supervision.SupervisorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/*
 * Overview: a supervisor's children in start order, with an index by pid, and the two operations
 * that touch processes: start one child, and stop one child the way OTP's shutdown/2 does:
 *
 *   monitor(child); unlink(child); drop an Exit already queued from it
 *   brutal kill:  exit(child, KILL)                 then wait for Down
 *   timeout T:    exit(child, SHUTDOWN), wait T for Down; if none, exit(child, KILL), wait for Down
 *   infinity:     exit(child, SHUTDOWN),            then wait for Down
 *
 * Unlinking first means the stop produces no Exit message, so no stale Exit can later be taken
 * for a crash. Group operations stop in reverse start order and start in start order. Everything
 * here runs in the supervisor process; no locks.
 */
final class Children {
    private static final Logger LOG = LoggerFactory.getLogger("io.troupe.supervision");

    private String supervisor = "<starting>"; // for log lines
    private final List<ChildSlot> slots = new ArrayList<>();
    private final Map<Pid, ChildSlot> byPid = new HashMap<>();

    /** Sets the supervisor's name or pid for log lines. */
    void label(String supervisor) {
        this.supervisor = supervisor;
    }

    List<ChildSlot> all() {
        return slots;
    }

    ChildSlot byId(String id) {
        for (ChildSlot slot : slots) {
            if (slot.id().equals(id)) return slot;
        }
        return null;
    }

    ChildSlot byPid(Pid pid) {
        return byPid.get(pid);
    }

    void add(ChildSlot slot) {
        slots.add(slot);
    }

    void remove(ChildSlot slot) {
        slots.remove(slot);
        if (slot.pid != null) byPid.remove(slot.pid);
    }

    /** Records that the child's process has exited. */
    void exited(ChildSlot slot) {
        if (slot.pid != null) byPid.remove(slot.pid);
        slot.pid = null;
    }

    /**
     * Starts one child. Returns {@code null} if it started (its pid may be {@code null}: "ignore"),
     * or why it failed.
     */
    ExitReason start(ChildSlot slot) {
        try {
            slot.pid = slot.spec.start().start();
        } catch (ProcessExit exit) {
            throw exit; // the supervisor itself is being ended
        } catch (SupervisorException e) {
            return e.kind() == SupervisorException.Kind.START_FAILED && e.reason() != null
                    ? e.reason() : ExitReason.Failure.of(e);
        } catch (Throwable error) {
            return ExitReason.Failure.of(error);
        }
        if (slot.pid != null) byPid.put(slot.pid, slot);
        LOG.debug("supervisor {} started {}", supervisor, slot);
        return null;
    }

    /** A child that failed to start, and why. */
    record StartFailure(ChildSlot slot, ExitReason reason) {}

    /**
     * Starts, in order, every child from {@code from} on that is not running. Stops at the first
     * that fails and returns it; returns {@code null} if all started.
     */
    StartFailure startFrom(int from) {
        for (int i = from; i < slots.size(); i++) {
            ChildSlot slot = slots.get(i);
            if (slot.pid != null) continue;
            ExitReason reason = start(slot);
            if (reason != null) return new StartFailure(slot, reason);
            if (slot.pid == null && slot.isTemporary()) slots.remove(i--); // ignored temporary child
        }
        return null;
    }

    /** Stops, in reverse order, every running child from {@code from} on; temporary ones are removed. */
    void terminateFrom(int from) {
        for (int i = slots.size() - 1; i >= from; i--) {
            ChildSlot slot = slots.get(i);
            terminate(slot);
            if (slot.isTemporary()) slots.remove(i);
        }
    }

    /** Stops one child as its {@link Shutdown} says; returns its exit reason, or null if it was not running. */
    ExitReason terminate(ChildSlot slot) {
        Pid pid = slot.pid;
        if (pid == null) return null;
        exited(slot);
        Ref monitor = Troupe.monitor(pid);
        Troupe.unlink(pid);
        Troupe.receive(m -> m instanceof Exit exit && exit.from().equals(pid), Duration.ZERO);
        Down down;
        switch (slot.spec.shutdown()) {
            case Shutdown.BrutalKill ignored -> {
                Troupe.exit(pid, ExitReason.KILL);
                down = awaitDown(monitor, null);
            }
            case Shutdown.Infinity ignored -> {
                Troupe.exit(pid, ExitReason.SHUTDOWN);
                down = awaitDown(monitor, null);
            }
            case Shutdown.Timeout(Duration timeout) -> {
                Troupe.exit(pid, ExitReason.SHUTDOWN);
                down = awaitDown(monitor, timeout);
                if (down == null) {
                    LOG.warn("supervisor {}: {} did not stop within {}; killing it", supervisor, slot.id(), timeout);
                    Troupe.exit(pid, ExitReason.KILL);
                    down = awaitDown(monitor, null);
                }
            }
        }
        LOG.debug("supervisor {} stopped child '{}' {}: {}", supervisor, slot.id(), pid, down.reason());
        return down.reason();
    }

    private static Down awaitDown(Ref monitor, Duration timeout) {
        Predicate<Object> mine = m -> m instanceof Down down && down.ref().equals(monitor);
        return (Down) (timeout == null ? Troupe.receive(mine) : Troupe.receive(mine, timeout));
    }
}
