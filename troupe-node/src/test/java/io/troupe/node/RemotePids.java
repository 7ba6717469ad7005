package io.troupe.node;

import io.troupe.Pid;

/** Pids of imaginary nodes, for tests of unreachable nodes. */
final class RemotePids {
    private RemotePids() {
    }

    record Fake(String node, long id, int creation) implements Pid {
        @Override
        public boolean equals(Object other) {
            return Pid.equals(this, other);
        }

        @Override
        public int hashCode() {
            return Pid.hashCode(this);
        }
    }
}
