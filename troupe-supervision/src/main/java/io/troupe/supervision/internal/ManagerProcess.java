package io.troupe.supervision.internal;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.supervision.ServiceEvent;
import io.troupe.supervision.ServiceState;
import io.troupe.supervision.internal.ManagerMessages.StartService;
import io.troupe.supervision.internal.ManagerMessages.StopAll;
import io.troupe.supervision.internal.ManagerMessages.StopService;
import io.troupe.supervision.internal.ManagerMessages.Subscribe;
import io.troupe.supervision.internal.ManagerMessages.Unsubscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * Overview: the service manager, a handler process that traps exits. It never blocks: starts run in
 * Starter processes, delays are Troupe.sendAfter timers. ServiceLifecycle holds the per-service
 * state machine; this class routes messages to it, keeps the subscribers, and runs the two
 * cross-service rules after every message:
 *
 *   - a STARTING service with no start in progress is launched once all it requires is RUNNING;
 *   - during stopAll, an active service is stopped once none of its dependents is active, and the
 *     manager ends when no service is active.
 *
 * An Exit that is not from a service or a starter is ignored, except SHUTDOWN (for example from a
 * runtime shutdown), which begins stopAll.
 */
final class ManagerProcess implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger("io.troupe.supervision.services");

    private final DependencyGraph graph;
    private final ServiceBoard board;
    private final List<Pid> initialSubscribers;
    private final Map<String, ServiceSlot> slots = new LinkedHashMap<>();
    private final Map<Pid, Ref> subscribers = new HashMap<>();
    private final ServiceLifecycle lifecycle;
    private boolean stoppingAll;

    ManagerProcess(DependencyGraph graph, ServiceBoard board, List<Pid> subscribers) {
        this.graph = graph;
        this.board = board;
        this.initialSubscribers = subscribers;
        graph.startOrder().forEach(name -> slots.put(name, new ServiceSlot(graph.spec(name))));
        this.lifecycle = new ServiceLifecycle(this);
    }

    @Override
    public void init() {
        Troupe.trapExit(true);
        initialSubscribers.forEach(this::subscribe);
        for (ServiceSlot slot : slots.values()) {
            if (slot.spec.autoStart()) start(slot);
        }
        afterMessage();
    }

    @Override
    public void handle(Object message) {
        switch (message) {
            case Exit exit -> onExit(exit);
            case StartService(String name) -> start(slots.get(name));
            case StopService(String name) -> lifecycle.stop(slots.get(name));
            case Subscribe(Pid subscriber) -> subscribe(subscriber);
            case Unsubscribe(Pid subscriber) -> {
                Ref monitor = subscribers.remove(subscriber);
                if (monitor != null) Troupe.demonitor(monitor);
            }
            case Down down -> subscribers.remove(down.pid(), down.ref());
            case StopAll ignored -> stoppingAll = true;
            default -> lifecycle.onTimerOrReport(message, slots);
        }
        afterMessage();
    }

    /** Starts a service and, first, what it requires. */
    void start(ServiceSlot slot) {
        if (stoppingAll) return;
        for (String required : slot.spec.requires()) start(slots.get(required));
        lifecycle.start(slot);
    }

    private void onExit(Exit exit) {
        for (ServiceSlot slot : slots.values()) {
            if (exit.from().equals(slot.starter) || exit.from().equals(slot.pid)) {
                lifecycle.onExit(slot, exit);
                return;
            }
        }
        if (exit.reason() instanceof ExitReason.Shutdown) stoppingAll = true;
    }

    private void afterMessage() {
        for (ServiceSlot slot : slots.values()) {
            if (slot.state == ServiceState.STARTING && slot.starter == null && requirementsRunning(slot)) {
                lifecycle.launch(slot);
            }
        }
        if (stoppingAll) continueStopAll();
    }

    private boolean requirementsRunning(ServiceSlot slot) {
        for (String required : slot.spec.requires()) {
            if (slots.get(required).state != ServiceState.RUNNING) return false;
        }
        return true;
    }

    /** Dependents are visited before their dependencies, so one pass can stop a whole chain that stops at once. */
    private void continueStopAll() {
        for (String name : graph.startOrder().reversed()) {
            ServiceSlot slot = slots.get(name);
            if (slot.state.isActive() && slot.state != ServiceState.STOPPING && noActiveDependents(name)) {
                lifecycle.stop(slot);
            }
        }
        if (slots.values().stream().noneMatch(slot -> slot.state.isActive())) {
            LOG.debug("all services stopped; service manager {} ends", Troupe.self());
            board.finish();
            Troupe.exit(ExitReason.NORMAL);
        }
    }

    private boolean noActiveDependents(String name) {
        return graph.dependents(name).stream().noneMatch(dependent -> slots.get(dependent).state.isActive());
    }

    private void subscribe(Pid subscriber) {
        if (!subscribers.containsKey(subscriber)) subscribers.put(subscriber, Troupe.monitor(subscriber));
    }

    boolean stoppingAll() {
        return stoppingAll;
    }

    /** Moves {@code slot} to {@code to}, publishes the state and tells the subscribers. */
    void transition(ServiceSlot slot, ServiceState to, ExitReason reason) {
        ServiceState from = slot.state;
        slot.state = to;
        board.publish(slot.name(), to);
        LOG.debug("service {}: {} -> {}{}", slot.name(), from, to, reason == null ? "" : " (" + reason + ")");
        Pid pid = to == ServiceState.RUNNING || to == ServiceState.STOPPING ? slot.pid : null;
        ServiceEvent event = new ServiceEvent(slot.name(), from, to, pid, reason, slot.attempts);
        subscribers.keySet().forEach(subscriber -> Troupe.send(subscriber, event));
    }
}
