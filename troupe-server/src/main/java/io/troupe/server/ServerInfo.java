package io.troupe.server;

import io.troupe.server.config.ServerConfig;

import java.util.Objects;

/**
 * A server of the cluster, as others see it.
 *
 * @param id         unique server id, e.g. {@code connector-server-1}
 * @param type       its server type, e.g. {@code connector}
 * @param host       the host of its node
 * @param clientHost the host clients connect to (frontends), else {@code host}
 * @param clientPort the client port of a frontend, 0 for a backend
 * @param frontend   whether clients connect to it
 */
public record ServerInfo(String id, String type, String host, String clientHost, int clientPort, boolean frontend) {
    public ServerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientHost, "clientHost");
    }

    /** From its {@code servers.json} entry. */
    public static ServerInfo of(ServerConfig config) {
        return new ServerInfo(config.id(), config.serverType(), config.host(), config.clientHost().orElse(config.host()),
                config.clientPort().orElse(0), config.frontend());
    }
}
