package io.troupe.node.internal;

import io.troupe.ExitReason;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a node does when peers come and go and talk to it: finding a peer's address, greeting a new
 * connection (mesh gossip, global-name sync), cleaning up after a lost one, and answering CONTROL
 * frames. Called from connection threads; nothing here blocks.
 */
final class Peers {
    private final NodeImpl node;
    private final Map<String, URI> learned = new ConcurrentHashMap<>(); // addresses peers told us about

    Peers(NodeImpl node) {
        this.node = node;
    }

    /** Where {@code peer} listens: discovery first, then what peers told us. */
    URI resolve(String peer) throws IOException {
        Optional<URI> published = node.discovery().lookup(peer);
        if (published.isPresent()) return published.get();
        URI told = learned.get(peer);
        if (told != null) return told;
        throw new IOException("node " + peer + " is not known to discovery (is it running, with the same discovery settings?)");
    }

    /** A new connection: tell the peer the nodes we know (full mesh) and the global names we own. */
    void connectionUp(Connection connection, boolean outbound, String remote) {
        node.log().info("node {} connected to {} ({} {})", node.node(), connection.peer, outbound ? "dialed" : "accepted", remote);
        Map<String, URI> known = new LinkedHashMap<>();
        known.put(node.node(), node.address());
        for (Connection other : node.connections().all()) {
            if (other != connection && other.state() == Connection.State.ACTIVE && other.peerAddress() != null) {
                known.put(other.peer, other.peerAddress());
            }
        }
        connection.enqueue(Outbound.control(Frames.NODES, known));
        connection.enqueue(Outbound.control(Frames.CONTROL, node.globalTable().ownedBy(node.node())));
        node.nodeMonitors().up(connection.peer);
    }

    /** A connection ended (or never came up): the peer is down for links, monitors, node monitors, names. */
    void connectionDown(Connection connection, Connection.State previous, String reason, boolean unexpected) {
        String peer = connection.peer;
        if (previous == Connection.State.ACTIVE) {
            if (unexpected && !node.isClosed()) node.log().warn("node {} lost its connection to {}: {}", node.node(), peer, reason);
            else node.log().info("node {} closed its connection to {}: {}", node.node(), peer, reason);
        } else if (!node.isClosed()) {
            node.warnRateLimited("dial:" + peer, "node " + node.node() + " cannot reach " + peer + ": " + reason, null);
        }
        node.endpoint().nodeDown(peer);
        node.nodeMonitors().fire(peer, ExitReason.NOCONNECTION, previous == Connection.State.ACTIVE);
        node.globalTable().nodeDown(peer);
        node.requests().nodeDown(peer, reason);
    }

    /** A NODES frame: remember the addresses and connect to the nodes we do not know yet. */
    void learnNodes(Map<String, URI> nodes, Connection from) {
        nodes.forEach((peer, address) -> {
            if (peer.equals(node.node())) return;
            learned.put(peer, address);
            if (!peer.equals(from.peer) && node.connections().existing(peer) == null && !node.isClosed()) {
                node.connections().forNode(peer);
            }
        });
    }

    /** A CONTROL frame from {@code connection}'s peer (on its reader thread). */
    void control(Connection connection, Object message) {
        Control.Reply reply = switch (message) {
            case Control.Reply answer -> {
                node.requests().complete(answer);
                yield null;
            }
            case Control.SpawnRequest request -> node.spawner().handle(request);
            case Control other -> node.globalProtocol().handle(other, connection.peer);
            default -> throw new IllegalArgumentException("not a control message: " + message.getClass().getName());
        };
        if (reply != null) connection.enqueue(Outbound.control(Frames.CONTROL, reply));
    }

    /** A control frame the writer could not encode: fail the request it carried. */
    void controlNotSent(Object message, String reason) {
        if (message instanceof Control.SpawnRequest request) node.requests().fail(request.id(), reason);
    }

    void sendControl(String peer, Control message) {
        Connection connection = node.connections().forNode(peer);
        if (connection != null) connection.enqueue(Outbound.control(Frames.CONTROL, message));
    }
}
