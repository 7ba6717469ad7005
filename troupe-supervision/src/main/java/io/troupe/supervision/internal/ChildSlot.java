package io.troupe.supervision.internal;

import io.troupe.Pid;
import io.troupe.supervision.ChildInfo;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.Restart;

/** One child of a supervisor: its specification and, while it runs, its pid. Supervisor-owned. */
final class ChildSlot {
    final ChildSpec spec;
    Pid pid;

    ChildSlot(ChildSpec spec) {
        this.spec = spec;
    }

    String id() {
        return spec.id();
    }

    boolean isTemporary() {
        return spec.restart() == Restart.TEMPORARY;
    }

    ChildInfo info() {
        return new ChildInfo(spec.id(), pid, spec.type(), spec.restart());
    }

    @Override
    public String toString() {
        return "child '" + spec.id() + "'" + (pid == null ? "" : " " + pid);
    }
}
