package io.troupe.supervision.internal;

import io.troupe.Down;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.ChildInfo;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.Supervisor;
import io.troupe.supervision.internal.Protocol.CountRestarts;
import io.troupe.supervision.internal.Protocol.DeleteChild;
import io.troupe.supervision.internal.Protocol.Op;
import io.troupe.supervision.internal.Protocol.RestartChild;
import io.troupe.supervision.internal.Protocol.Request;
import io.troupe.supervision.internal.Protocol.StartChild;
import io.troupe.supervision.internal.Protocol.Stop;
import io.troupe.supervision.internal.Protocol.TerminateChild;
import io.troupe.supervision.internal.Protocol.WhichChildren;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A {@link Supervisor} handle: a pid, the runtime for calls from plain threads, and a call timeout. */
final class SupervisorHandle implements Supervisor {
    private final TroupeRuntime runtime;
    private final Pid pid;
    private final Duration timeout;

    SupervisorHandle(TroupeRuntime runtime, Pid pid, Duration timeout) {
        this.runtime = runtime;
        this.pid = pid;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Pid pid() {
        return pid;
    }

    @Override
    public Supervisor withCallTimeout(Duration timeout) {
        return new SupervisorHandle(runtime, pid, timeout);
    }

    @Override
    public Pid startChild(ChildSpec child) {
        return (Pid) call(new StartChild(Objects.requireNonNull(child, "child")));
    }

    @Override
    public void terminateChild(String id) {
        call(new TerminateChild(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Pid restartChild(String id) {
        return (Pid) call(new RestartChild(Objects.requireNonNull(id, "id")));
    }

    @Override
    public void deleteChild(String id) {
        call(new DeleteChild(Objects.requireNonNull(id, "id")));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ChildInfo> whichChildren() {
        return (List<ChildInfo>) call(new WhichChildren());
    }

    @Override
    public long restarts() {
        return (Long) call(new CountRestarts());
    }

    @Override
    public boolean stop(Duration timeout) {
        return Calls.asProcess(runtime, () -> {
            Ref monitor = Troupe.monitor(pid);
            Troupe.send(pid, new Request(monitor, Troupe.self(), new Stop()));
            if (Troupe.receive(m -> m instanceof Down down && down.ref().equals(monitor), timeout) != null) return true;
            Troupe.demonitor(monitor);
            return false;
        });
    }

    private Object call(Op op) {
        return Calls.asProcess(runtime, () -> Calls.call(pid, op, timeout));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SupervisorHandle that && that.pid.equals(pid);
    }

    @Override
    public int hashCode() {
        return pid.hashCode();
    }

    @Override
    public String toString() {
        return "Supervisor" + pid;
    }
}
