package io.troupe.bench.broadcast;

/** The client framing a target speaks over WebSocket, and its handshake path. */
enum Protocol {
    /** socket.io v5 over Engine.IO v4. */
    ENGINE_IO(EngineIoSession.PATH),
    /** pomelo's hybrid connector (pinus, and Troupe's app server). */
    POMELO(PomeloSession.PATH);

    final String path;

    Protocol(String path) {
        this.path = path;
    }

    Session session(int index, boolean receiver, LoadStats stats, Session.Events events) {
        return switch (this) {
            case ENGINE_IO -> new EngineIoSession(index, receiver, stats, events);
            case POMELO -> new PomeloSession(index, receiver, stats, events);
        };
    }
}
