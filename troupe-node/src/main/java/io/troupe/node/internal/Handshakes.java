package io.troupe.node.internal;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/*
 * Runs handshakes on virtual threads: dialing a peer for a connection that was just created, and
 * answering each accepted socket. Both are bounded by the connect timeout (the socket is closed when
 * it passes, which unblocks the handshake). Refusals are logged here, on both sides: a wrong cookie
 * says so clearly on the node that refuses and on the node that is refused.
 */
final class Handshakes {
    private static final int HANDSHAKE_BUFFER = 256 * 1024;

    private final NodeImpl node;

    Handshakes(NodeImpl node) {
        this.node = node;
    }

    void dial(Connection connection) {
        Thread.ofVirtual().name("troupe-dial-" + connection.peer).start(() -> runDial(connection));
    }

    private void runDial(Connection connection) {
        String peer = connection.peer;
        Wire wire = null;
        ScheduledFuture<?> guard = null;
        URI address = null;
        try {
            address = node.peers().resolve(peer);
            wire = Transports.connect(address, node.options().transport(), node.options().connectTimeout());
            guard = node.scheduler().schedule(wire::close, node.options().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            HandshakeIO io = new HandshakeIO(wire, HANDSHAKE_BUFFER);
            Handshake.Peer answer = Handshake.dial(io, node.identity(), peer);
            guard.cancel(false);
            if (!connection.activate(wire, new Handshake.Peer(peer, answer.creation(), address), io.buffer(), true)) {
                wire.close();
            }
        } catch (HandshakeException e) {
            cancel(guard);
            close(wire);
            if (e.byPeer && e.code == Handshake.SIMULTANEOUS) {
                connection.lostTieBreak();
                return;
            }
            node.counters().refused.increment();
            String text = e.byPeer ? "node " + peer + " refused the connection: " + e.getMessage() : e.getMessage();
            if (e.code == Handshake.BAD_COOKIE) {
                node.log().warn("cannot connect to node {}: {} (cookie mismatch; the nodes must share a cookie). "
                        + "Nothing is delivered to it", peer, text);
            }
            connection.dialFailed(text);
        } catch (IOException | RuntimeException e) {
            cancel(guard);
            close(wire);
            String where = address == null ? "" : " at " + address;
            connection.dialFailed("cannot connect to node " + peer + where + ": " + (e.getMessage() == null ? e : e.getMessage()));
        }
    }

    void accept(Wire wire) {
        Thread.ofVirtual().name("troupe-accept").start(() -> runAccept(wire));
    }

    private void runAccept(Wire wire) {
        ScheduledFuture<?> guard = node.scheduler().schedule(wire::close, node.options().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            HandshakeIO io = new HandshakeIO(wire, HANDSHAKE_BUFFER);
            Handshake.Accepted accepted = Handshake.accept(io, node.identity(), node.connections()::admit);
            guard.cancel(false);
            if (!accepted.connection().activate(wire, accepted.peer(), io.buffer(), false)) wire.close();
        } catch (HandshakeException e) {
            guard.cancel(false);
            wire.close();
            if (e.code == Handshake.SIMULTANEOUS || e.code == Handshake.SHUTTING_DOWN || e.code == Handshake.DUPLICATE) {
                node.log().debug("refused a connection from {}: {}", wire.remote(), e.getMessage());
                return;
            }
            node.counters().refused.increment();
            switch (e.code) {
                case Handshake.BAD_COOKIE -> node.log().warn("refused a connection from {}: {} (cookie mismatch). "
                        + "Nothing from it is delivered", wire.remote(), e.getMessage());
                case Handshake.NOT_TROUPE -> node.warnRateLimited("garbage", "dropped a connection from "
                        + wire.remote() + ": " + e.getMessage(), null);
                default -> node.log().info("refused a connection from {}: {}", wire.remote(), e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            guard.cancel(false);
            wire.close();
            node.counters().refused.increment();
            node.warnRateLimited("garbage", "dropped a connection from " + wire.remote()
                    + " during the handshake: " + e, null);
        }
    }

    private static void cancel(ScheduledFuture<?> guard) {
        if (guard != null) guard.cancel(false);
    }

    private static void close(Wire wire) {
        if (wire != null) wire.close();
    }
}
