package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.node.NodeDown;
import io.troupe.node.NodeUp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Processes watching nodes (Erlang's monitor_node): one NodeDown each when the node goes down. */
final class NodeMonitors {
    private final NodeImpl node;
    private final ConcurrentHashMap<String, Set<Pid>> watchers = new ConcurrentHashMap<>();
    private final Set<Pid> subscribers = ConcurrentHashMap.newKeySet();

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
        if (connection == null || connection.isClosed()) fire(peer, ExitReason.NOCONNECTION, false);
    }

    boolean demonitor(String peer, Pid watcher) {
        Set<Pid> set = watchers.get(peer);
        return set != null && set.remove(watcher);
    }

    /** Erlang's monitor_nodes: {@code subscriber} hears of every connection coming up or going down. */
    void subscribe(Pid subscriber, boolean on) {
        if (on) subscribers.add(subscriber); else subscribers.remove(subscriber);
    }

    /** A connection to {@code peer} is up: subscribers get NodeUp. */
    void up(String peer) {
        if (subscribers.isEmpty()) return;
        NodeUp up = new NodeUp(peer);
        for (Pid subscriber : subscribers) {
            if (io.troupe.Troupe.isAlive(subscriber)) node.runtime().send(subscriber, up);
            else subscribers.remove(subscriber);
        }
    }

    /** The node went down: every watcher gets one NodeDown, and stops watching; subscribers get one too. */
    void fire(String peer, ExitReason reason, boolean wasUp) {
        NodeDown down = new NodeDown(peer, reason);
        if (wasUp) {
            for (Pid subscriber : subscribers) {
                if (io.troupe.Troupe.isAlive(subscriber)) node.runtime().send(subscriber, down);
                else subscribers.remove(subscriber);
            }
        }
        Set<Pid> set = watchers.remove(peer);
        if (set == null) return;
        for (Pid watcher : set) node.runtime().send(watcher, down);
    }
}
