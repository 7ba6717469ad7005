package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.spi.Distribution;

/*
 * The runtime's distribution layer: every operation on a pid of another node becomes an entry in
 * that node's connection queue (created and dialed on first use). Nothing here blocks.
 *
 * Signals that expect an answer (link, monitor) must never vanish silently: if one lands on a
 * connection that is closing, node-down is reported for its peer again, asynchronously. The core
 * records the link or monitor before calling here, so either that report or the connection's own
 * node-down (which runs after the connection is marked closed) fires it with NOCONNECTION.
 */
final class Distributor implements Distribution {
    private final NodeImpl node;

    Distributor(NodeImpl node) {
        this.node = node;
    }

    @Override
    public void send(Pid from, Pid to, Object message) {
        enqueue(to.node(), Outbound.send(to, message));
    }

    @Override
    public void send(Pid from, Name to, Object message) {
        enqueue(to.node(), Outbound.sendName(to.name(), message));
    }

    @Override
    public void link(Pid local, Pid remote) {
        enqueue(remote.node(), Outbound.link(Frames.LINK, local, remote));
    }

    @Override
    public void unlink(Pid local, Pid remote) {
        enqueue(remote.node(), Outbound.link(Frames.UNLINK, local, remote));
    }

    @Override
    public void exit(Pid from, Pid to, ExitReason reason, boolean viaLink) {
        enqueue(to.node(), Outbound.exit(from, to, reason, viaLink));
    }

    @Override
    public void monitor(Ref ref, Pid watcher, Pid target) {
        enqueue(target.node(), Outbound.monitor(Frames.MONITOR, ref, watcher, target, null));
    }

    @Override
    public void demonitor(Ref ref, Pid watcher, Pid target) {
        enqueue(target.node(), Outbound.monitor(Frames.DEMONITOR, ref, watcher, target, null));
    }

    @Override
    public void down(Ref ref, Pid watcher, Pid target, ExitReason reason) {
        enqueue(watcher.node(), Outbound.monitor(Frames.DOWN, ref, watcher, target, reason));
    }

    private void enqueue(String peer, Outbound entry) {
        Connection connection = node.connections().forNode(peer);
        if (connection != null) {
            connection.enqueue(entry);
        } else {
            node.counters().dropped.increment();
            if (entry.expectsAnswer()) node.nodeDownLater(peer);
        }
    }
}
