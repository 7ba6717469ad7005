package io.troupe.server.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks across all entries: ids unique (master included), no port used twice on one host. */
final class Checks {
    private Checks() {
    }

    private record Listener(String host, int port) {
    }

    static void uniqueIdsAndPorts(MasterConfig master, Fields masterFields, List<Servers.Placed> servers) {
        Map<String, String> ids = new HashMap<>();
        Map<Listener, String> ports = new HashMap<>();
        ids.put(master.id(), "the master (" + masterFields.file() + " " + Json.child(masterFields.path(), "id") + ")");
        ports.put(listener(master.host(), master.port()),
                "the master's port (" + masterFields.file() + " " + Json.child(masterFields.path(), "port") + ")");
        for (Servers.Placed placed : servers) {
            ServerConfig server = placed.server();
            Fields source = placed.source();
            String previous = ids.putIfAbsent(server.id(), server.serverType() + " entry " + source.path());
            if (previous != null) {
                throw source.error(placed.idKey(), "duplicate server id \"" + server.id() + "\": already used by " + previous);
            }
            server.port().ifPresent(port -> claim(ports, server, port, source, "port"));
            server.clientPort().ifPresent(port -> claim(ports, server, port, source, "clientPort"));
        }
    }

    private static void claim(Map<Listener, String> ports, ServerConfig server, int port, Fields source, String key) {
        String previous = ports.putIfAbsent(listener(server.host(), port),
                "the " + key + " of " + server.id() + " (" + Json.child(source.path(), key) + ")");
        if (previous != null) {
            throw source.error(key, "port " + port + " on host " + server.host() + " of " + server.id()
                    + " is already " + previous);
        }
    }

    /** Same machine, same port: {@code localhost} and {@code 127.0.0.1} are one host. */
    private static Listener listener(String host, int port) {
        String normal = host.toLowerCase(Locale.ROOT);
        return new Listener(normal.equals("localhost") ? "127.0.0.1" : normal, port);
    }
}
