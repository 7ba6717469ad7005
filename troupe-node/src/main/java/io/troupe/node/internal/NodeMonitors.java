package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.node.NodeDown;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Processes watching nodes (Erlang's monitor_node): one NodeDown each when the node goes down. */
final class NodeMonitors {
    private final NodeImpl node;
    private final ConcurrentHashMap<String, Set<Pid>> watchers = new ConcurrentHashMap<>();

    NodeMonitors(NodeImpl node) {
        this.node = node;
    }

    void monitor(String peer, Pid watcher) {
        if (peer.equals(node.node())) return;
        watchers.compute(peer, (p, set) -> {  // atomic with fire()'s remove: no add to a detached set
            Set<Pid> live = set != null ? set : ConcurrentHashMap.newKeySet();
            live.add(watcher);
            return live;
        });
        Connection connection = node.connections().forNode(peer);
        if (connection == null || connection.isClosed()) fire(peer, ExitReason.NOCONNECTION);
    }

    boolean demonitor(String peer, Pid watcher) {
        Set<Pid> set = watchers.get(peer);
        return set != null && set.remove(watcher);
    }

    /** The node went down: every watcher gets one NodeDown, and stops watching. */
    void fire(String peer, ExitReason reason) {
        Set<Pid> set = watchers.remove(peer);
        if (set == null) return;
        NodeDown down = new NodeDown(peer, reason);
        for (Pid watcher : set) node.runtime().send(watcher, down);
    }
}
