package io.troupe.supervision.internal;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.ServiceManager;
import io.troupe.supervision.ServiceSpec;

import java.util.List;
import java.util.Objects;

/** The implementation behind {@link io.troupe.supervision.Services}. */
public final class ServiceManagers {
    private ServiceManagers() {
    }

    public static ServiceManager start(TroupeRuntime runtime, List<ServiceSpec> specs, List<Pid> subscribers) {
        Objects.requireNonNull(runtime, "runtime");
        DependencyGraph graph = DependencyGraph.of(specs);
        ServiceBoard board = new ServiceBoard(graph.names());
        Pid pid = runtime.spawn(new ManagerProcess(graph, board, List.copyOf(subscribers)));
        return new ManagerHandle(runtime, pid, graph, board);
    }
}
