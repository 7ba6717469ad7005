package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.spi.Distribution;

/** A distribution layer that goes nowhere, for tests that only need a RuntimeEndpoint. */
final class NoDistribution implements Distribution {
    @Override public void send(Pid from, Pid to, Object message) { }
    @Override public void send(Pid from, Name to, Object message) { }
    @Override public void link(Pid local, Pid remote) { }
    @Override public void unlink(Pid local, Pid remote) { }
    @Override public void exit(Pid from, Pid to, ExitReason reason, boolean viaLink) { }
    @Override public void monitor(Ref ref, Pid watcher, Pid target) { }
    @Override public void demonitor(Ref ref, Pid watcher, Pid target) { }
    @Override public void down(Ref ref, Pid watcher, Pid target, ExitReason reason) { }
}
