package io.troupe.examples.pinuschat;

import io.troupe.server.RouteFunction;
import io.troupe.server.Server;
import io.troupe.server.ServerInfo;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** {@code gate.gateHandler.*}: tells a client which connector to use. */
public final class GateHandler {
    private final Server server;

    public GateHandler(Server server) {
        this.server = server;
    }

    /** {@code {uid}} → {@code {code: 200, host, port}} of the connector {@code crc32(uid)} picks; {@code {code: 500}} without uid or connectors. */
    public Map<String, Object> queryEntry(JsonNode message) {
        String uid = message.path("uid").asString(null);
        if (uid == null || uid.isEmpty()) return Map.of("code", 500);
        List<ServerInfo> connectors = server.servers("connector");
        if (connectors.isEmpty()) return Map.of("code", 500);
        ServerInfo connector = RouteFunction.byKey(uid, connectors);
        return Map.of("code", 200, "host", connector.clientHost(), "port", connector.clientPort());
    }
}
