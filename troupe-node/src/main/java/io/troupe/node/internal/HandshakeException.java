package io.troupe.node.internal;

import java.io.IOException;

/** A handshake that did not end in a connection: refused by either side, or not a Troupe peer. */
final class HandshakeException extends IOException {
    final int code;
    final boolean byPeer;

    HandshakeException(int code, String message) {
        this(code, message, false);
    }

    HandshakeException(int code, String message, boolean byPeer) {
        super(message, null);
        this.code = code;
        this.byPeer = byPeer;
    }
}
