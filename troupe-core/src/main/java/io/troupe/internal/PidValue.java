package io.troupe.internal;

import io.troupe.Pid;

/** A pid as a plain value: a process of another node, a local one not (or no longer) alive, or the runtime itself (id 0). */
record PidValue(String node, long id, int creation) implements Pid {
    @Override
    public boolean equals(Object other) {
        return Pid.equals(this, other);
    }

    @Override
    public int hashCode() {
        return Pid.hashCode(this);
    }

    @Override
    public String toString() {
        return Pid.toString(this);
    }
}
