package io.troupe.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One server of {@code servers.json}, after {@code clusterCount} expansion.
 *
 * @param id             unique among all servers and the master
 * @param serverType     the key of the list it is in ({@code gate}, {@code connector}, {@code chat}, ...)
 * @param host           the machine it runs on
 * @param port           its RPC port; always present for backends, optional for frontends (a gate
 *                       usually has none and takes no RPC)
 * @param clientHost     the host clients are told to connect to, if not {@code host}
 * @param clientPort     the port clients connect to; always present for frontends
 * @param frontend       {@code true} for servers that hold client connections (gate, connector)
 * @param autoRestart    pinus's {@code auto-restart}: restart the server when it goes down
 * @param restartForce   pinus's {@code restart-force}
 * @param maxConnections pinus's {@code max-connections}: a connector refuses clients past it
 * @param args           pinus's {@code args}, extra arguments for the server's process (a string
 *                       in the file is one argument)
 * @param extra          every other property ({@code cpu}, {@code area}, ...) as plain Java values
 *                       (String, Integer, Long, Double, Boolean, List, Map, null), in file order;
 *                       unmodifiable
 */
public record ServerConfig(String id, String serverType, String host, OptionalInt port, Optional<String> clientHost,
                           OptionalInt clientPort, boolean frontend, boolean autoRestart, boolean restartForce,
                           OptionalInt maxConnections, List<String> args, Map<String, Object> extra) {
    public ServerConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverType, "serverType");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(clientHost, "clientHost");
        Objects.requireNonNull(clientPort, "clientPort");
        Objects.requireNonNull(maxConnections, "maxConnections");
        args = List.copyOf(args);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
