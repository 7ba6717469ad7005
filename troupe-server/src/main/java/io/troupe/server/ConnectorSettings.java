package io.troupe.server;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a frontend server type talks to clients (pinus's {@code connectorConfig}).
 *
 * @param heartbeat       interval announced to clients; a client silent for twice as long is
 *                        dropped ({@link Duration#ZERO}: no heartbeat)
 * @param useDict         compress routes with the route dictionary (handler routes plus
 *                        {@code dictionary})
 * @param dictionary      extra routes (push routes such as {@code onChat}) for the dictionary
 * @param serverProtos    pomelo-protobuf schemas of responses and pushes, by route ({@code null}: none)
 * @param clientProtos    schemas of requests by route ({@code null}: none)
 * @param maxPackageSize  largest package a client may send; a bigger one closes the connection
 */
public record ConnectorSettings(Duration heartbeat, boolean useDict, List<String> dictionary,
                                JsonNode serverProtos, JsonNode clientProtos, int maxPackageSize) {
    public ConnectorSettings {
        Objects.requireNonNull(heartbeat, "heartbeat");
        dictionary = List.copyOf(dictionary);
    }

    /** No heartbeat, no dictionary, no protos, 64 KiB packages. */
    public static ConnectorSettings defaults() {
        return new ConnectorSettings(Duration.ZERO, false, List.of(), null, null, 64 * 1024);
    }

    public ConnectorSettings withHeartbeat(Duration interval) {
        return new ConnectorSettings(interval, useDict, dictionary, serverProtos, clientProtos, maxPackageSize);
    }

    public ConnectorSettings withDictionary(List<String> extraRoutes) {
        return new ConnectorSettings(heartbeat, true, extraRoutes, serverProtos, clientProtos, maxPackageSize);
    }

    public ConnectorSettings withProtos(JsonNode server, JsonNode client) {
        return new ConnectorSettings(heartbeat, useDict, dictionary, server, client, maxPackageSize);
    }

    public ConnectorSettings withMaxPackageSize(int bytes) {
        return new ConnectorSettings(heartbeat, useDict, dictionary, serverProtos, clientProtos, bytes);
    }
}
