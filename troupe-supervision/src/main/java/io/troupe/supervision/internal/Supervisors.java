package io.troupe.supervision.internal;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.Supervisor;
import io.troupe.supervision.SupervisorSpec;

import java.time.Duration;
import java.util.Objects;

/** The implementation behind {@link Supervisor}'s static methods. */
public final class Supervisors {
    private Supervisors() {
    }

    public static Supervisor startLink(SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Pid self = Troupe.self();
        Pid pid = Troupe.spawnLink(new SupervisorProcess(spec, self, self));
        Starts.awaitInit(pid, describe(spec, pid));
        return new SupervisorHandle(Troupe.runtime(), pid, Supervisor.DEFAULT_CALL_TIMEOUT);
    }

    public static Supervisor start(TroupeRuntime runtime, SupervisorSpec spec) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(spec, "spec");
        Pid pid = Calls.asProcess(runtime, () -> {
            Pid child = Troupe.spawn(new SupervisorProcess(spec, Troupe.self(), null));
            return Starts.awaitInit(child, describe(spec, child));
        });
        return new SupervisorHandle(runtime, pid, Supervisor.DEFAULT_CALL_TIMEOUT);
    }

    public static Supervisor handle(TroupeRuntime runtime, Pid pid, Duration timeout) {
        return new SupervisorHandle(Objects.requireNonNull(runtime, "runtime"), Objects.requireNonNull(pid, "pid"), timeout);
    }

    private static String describe(SupervisorSpec spec, Pid pid) {
        return "supervisor " + (spec.name() != null ? spec.name() + " " : "") + pid;
    }
}
