package io.troupe.bench.broadcast;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A broadcast server under test: how to start it and which framing its clients speak. */
enum Target {
    /** socket.io 4.8 (bench/node/socketio/server.js), WebSocket transport only. */
    SOCKETIO("socketio", Protocol.ENGINE_IO),
    /** pinus 1.7.4 (bench/node/pinus): master + connector + chat server. */
    PINUS("pinus", Protocol.POMELO),
    /** Troupe's app server, pomelo framing; see {@link TroupeLauncher}. */
    TROUPE("troupe", Protocol.POMELO);

    /** The pinus connector's client port (fixed in bench/node/pinus/config/servers.json). */
    static final int PINUS_CLIENT_PORT = 13050;

    final String id;
    final Protocol protocol;

    Target(String id, Protocol protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    static Target of(String id) {
        for (Target t : values()) if (t.id.equals(id)) return t;
        throw new IllegalArgumentException("unknown target " + id + " (socketio, pinus, troupe)");
    }

    /** The server's command line, or empty if this target cannot be started yet. */
    Optional<ServerCommand> command(LaunchContext ctx, String troupeMain) {
        return switch (this) {
            case SOCKETIO -> Optional.of(new ServerCommand(
                    List.of("node", "socketio/server.js", Integer.toString(ctx.freePort())),
                    ctx.nodeDir(), ctx.freePort(), Pattern.compile("^READY\\b.*")));
            case PINUS -> Optional.of(new ServerCommand(
                    List.of("node", "app.js", "env=bench"),
                    ctx.nodeDir().resolve("pinus"), PINUS_CLIENT_PORT, Pattern.compile(".*all servers startup in.*")));
            case TROUPE -> TroupeLauncher.command(ctx, troupeMain);
        };
    }
}
