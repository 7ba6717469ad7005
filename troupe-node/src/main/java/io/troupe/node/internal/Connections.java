package io.troupe.node.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: the registry of connections, one per peer node, and the rules that keep it one.
 *
 * Lookup of an existing connection is one map read. Creating a connection (first send to a
 * node) and admitting an inbound one take `admission`, a lock that is never held while blocking,
 * so concurrent first sends create one connection and start one dial.
 *
 * Two nodes that dial each other at once (tie-break, as Erlang's): when A, while dialing B,
 * receives B's dial, A keeps its own dial and refuses B's (SIMULTANEOUS) if A's name is smaller;
 * otherwise it takes B's dial into its pending connection, and B, by the same rule, refuses A's.
 * The loser's pending connection waits for the winner's dial. Exactly one socket per pair survives,
 * and messages queued on either side go out on it.
 *
 * A dial from a peer whose connection we think is up is refused as DUPLICATE unless the peer has a
 * new creation (it restarted): then the old connection fails and the new one is admitted.
 */
final class Connections {
    private final NodeImpl node;
    private final ConcurrentHashMap<String, Connection> byNode = new ConcurrentHashMap<>();
    private final ReentrantLock admission = new ReentrantLock();
    private volatile boolean closed;

    Connections(NodeImpl node) {
        this.node = node;
    }

    /** The connection to {@code peer}, created and dialed if there is none; null once closed. */
    Connection forNode(String peer) {
        Connection connection = byNode.get(peer);
        if (connection != null) return connection;
        admission.lock();
        try {
            connection = byNode.get(peer);
            if (connection != null) return connection;
            if (closed) return null;
            connection = new Connection(node, peer, Connection.State.DIALING);
            byNode.put(peer, connection);
        } finally {
            admission.unlock();
        }
        node.dial(connection);
        return connection;
    }

    /** The connection to {@code peer} if one exists, without dialing. */
    Connection existing(String peer) {
        return byNode.get(peer);
    }

    /** Admits an authenticated inbound dial, or refuses it. */
    Connection admit(Handshake.Peer peer) throws HandshakeException {
        admission.lock();
        try {
            if (closed) throw new HandshakeException(Handshake.SHUTTING_DOWN, "node " + node.node() + " is closing");
            if (peer.node().equals(node.node())) {
                throw new HandshakeException(Handshake.DUPLICATE, "a node cannot connect to its own name " + peer.node());
            }
            Connection existing = byNode.get(peer.node());
            if (existing != null) {
                switch (existing.state()) {
                    case DIALING -> {
                        if (node.node().compareTo(peer.node()) < 0) {
                            throw new HandshakeException(Handshake.SIMULTANEOUS, "simultaneous connect: "
                                    + node.node() + " keeps its own connection");
                        }
                        return accepting(existing);
                    }
                    case WAITING -> {
                        return accepting(existing);
                    }
                    case ACCEPTING -> throw new HandshakeException(Handshake.DUPLICATE,
                            "another connection from " + peer.node() + " is being set up");
                    case ACTIVE -> {
                        if (existing.peerCreation() == peer.creation()) {
                            throw new HandshakeException(Handshake.DUPLICATE, node.node() + " is already connected to "
                                    + peer.node());
                        }
                        existing.fail("node " + peer.node() + " restarted", true);
                    }
                    case CLOSED -> {
                        // being removed: replace it
                    }
                }
            }
            Connection connection = new Connection(node, peer.node(), Connection.State.ACCEPTING);
            byNode.put(peer.node(), connection);
            return connection;
        } finally {
            admission.unlock();
        }
    }

    private static Connection accepting(Connection existing) throws HandshakeException {
        if (existing.beginAccepting()) return existing;
        throw new HandshakeException(Handshake.DUPLICATE, "a connection to " + existing.peer + " was just set up");
    }

    void remove(Connection connection) {
        byNode.remove(connection.peer, connection);
    }

    /** The nodes connected now. */
    Set<String> activeNodes() {
        Set<String> nodes = new TreeSet<>();
        byNode.forEach((peer, connection) -> {
            if (connection.state() == Connection.State.ACTIVE) nodes.add(peer);
        });
        return nodes;
    }

    Iterable<Connection> all() {
        return byNode.values();
    }

    /** No new connections from now on. */
    void close() {
        admission.lock();
        try {
            closed = true;
        } finally {
            admission.unlock();
        }
    }
}
