package io.troupe.internal;

import io.troupe.Pid;

/** The pid of a process on another node (or of a local process that no longer exists). */
record RemotePid(String node, long id, int creation) implements Pid {
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
