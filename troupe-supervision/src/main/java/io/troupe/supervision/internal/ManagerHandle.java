package io.troupe.supervision.internal;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.ServiceManager;
import io.troupe.supervision.ServiceState;
import io.troupe.supervision.internal.ManagerMessages.StartService;
import io.troupe.supervision.internal.ManagerMessages.StopAll;
import io.troupe.supervision.internal.ManagerMessages.StopService;
import io.troupe.supervision.internal.ManagerMessages.Subscribe;
import io.troupe.supervision.internal.ManagerMessages.Unsubscribe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A {@link ServiceManager} handle: commands are messages to the manager, queries read its board. */
final class ManagerHandle implements ServiceManager {
    private final TroupeRuntime runtime;
    private final Pid pid;
    private final DependencyGraph graph;
    private final ServiceBoard board;

    ManagerHandle(TroupeRuntime runtime, Pid pid, DependencyGraph graph, ServiceBoard board) {
        this.runtime = runtime;
        this.pid = pid;
        this.graph = graph;
        this.board = board;
    }

    @Override
    public Pid pid() {
        return pid;
    }

    @Override
    public List<String> names() {
        return graph.names();
    }

    @Override
    public void start(String name) {
        runtime.send(pid, new StartService(known(name)));
    }

    @Override
    public void stop(String name) {
        runtime.send(pid, new StopService(known(name)));
    }

    @Override
    public ServiceState state(String name) {
        return board.state(known(name));
    }

    @Override
    public Map<String, ServiceState> states() {
        return board.snapshot();
    }

    @Override
    public void subscribe(Pid subscriber) {
        runtime.send(pid, new Subscribe(Objects.requireNonNull(subscriber, "subscriber")));
    }

    @Override
    public void unsubscribe(Pid subscriber) {
        runtime.send(pid, new Unsubscribe(Objects.requireNonNull(subscriber, "subscriber")));
    }

    @Override
    public boolean stopAll(Duration timeout) {
        runtime.send(pid, new StopAll());
        return board.awaitFinish(timeout, () -> runtime.isAlive(pid));
    }

    private String known(String name) {
        if (!graph.contains(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("no service '" + name + "'; known: " + graph.names());
        }
        return name;
    }

    @Override
    public String toString() {
        return "ServiceManager" + pid + board.snapshot();
    }
}
