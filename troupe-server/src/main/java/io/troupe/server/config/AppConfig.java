package io.troupe.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinus application's configuration for one environment: the master of {@code master.json} and
 * the servers of {@code servers.json}, by type, in file order.
 *
 * <p>Load it with {@link #load(Path, String)}. Both files are read as pinus reads them: either
 * {@code <configDir>/X.json} with one top-level key per environment
 * ({@code {"development": {...}, "production": {...}}}), or {@code <configDir>/<env>/X.json} with
 * no environment keys. An entry with {@code clusterCount: n} stands for {@code n} servers with ids
 * {@code cluster-server-<type>-<k>} ({@code k} counting from 0 across the type's cluster entries);
 * in it, a value written {@code "4050++"} becomes 4050, 4051, ... for successive servers.
 *
 * @param servers the servers of each type, types in file order; unmodifiable
 */
public record AppConfig(String environment, MasterConfig master, Map<String, List<ServerConfig>> servers) {
    /** The environment pinus uses when none is given. */
    public static final String DEFAULT_ENVIRONMENT = "development";

    public AppConfig {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(master, "master");
        Map<String, List<ServerConfig>> copy = new LinkedHashMap<>();
        servers.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        servers = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads {@code master.json} and {@code servers.json} of {@code environment} from
     * {@code configDir} (an application's {@code config} directory) and checks them: types of
     * values, required fields (id, host; {@code port} for backends, {@code clientPort} for
     * frontends), unique ids, and no port used twice on a host (RPC, client and master ports alike).
     *
     * @throws ConfigException naming the file, the place in it and what was expected, if a file is
     *                         missing, unreadable, malformed, lacks the environment or fails a check
     */
    public static AppConfig load(Path configDir, String environment) {
        return Loader.load(configDir, environment);
    }

    /** Every server, types in file order. */
    public List<ServerConfig> allServers() {
        List<ServerConfig> all = new ArrayList<>();
        servers.values().forEach(all::addAll);
        return all;
    }

    /** The servers of {@code serverType}; empty if there are none. */
    public List<ServerConfig> serversOfType(String serverType) {
        return servers.getOrDefault(serverType, List.of());
    }

    /** The server with this id. */
    public Optional<ServerConfig> server(String id) {
        return allServers().stream().filter(server -> server.id().equals(id)).findFirst();
    }
}
