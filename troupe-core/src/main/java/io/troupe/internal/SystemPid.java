package io.troupe.internal;

import io.troupe.Pid;

/** The pid a runtime uses as the sender of signals it sends itself, such as shutdown. Id 0. */
record SystemPid(String node, long id, int creation) implements Pid {
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
