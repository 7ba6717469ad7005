package io.troupe.server.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the server lists of {@code servers.json}, expanding {@code clusterCount} entries as pinus does. */
final class Servers {
    static final String CLUSTER_PREFIX = "cluster-server-";
    private static final String INCREMENT = "++";
    private static final Set<String> KNOWN = Set.of("id", "serverType", "host", "port", "clientHost", "clientPort",
            "frontend", "args", "auto-restart", "restart-force", "max-connections", "clusterCount");

    private Servers() {
    }

    /** A server, the entry it came from, and the property that gave its id ({@code id} or {@code clusterCount}). */
    record Placed(ServerConfig server, Fields source, String idKey) {
    }

    static List<Placed> read(Fields types) {
        List<Placed> out = new ArrayList<>();
        Map<String, Integer> clusterSeq = new HashMap<>();
        types.values().forEach((type, list) -> {
            String listPath = Json.child(types.path(), type);
            if (type.isBlank()) throw types.error(type, "expected a server type name, found an empty key");
            if (!list.isArray()) {
                throw new ConfigException(types.file(), listPath, "expected an array of servers, found " + Json.describe(list));
            }
            int i = 0;
            for (JsonNode entry : list.values()) {
                Fields fields = Fields.of(types.file(), listPath + "[" + i++ + "]", entry);
                OptionalInt count = fields.positiveInt("clusterCount");
                if (count.isPresent()) {
                    int first = clusterSeq.merge(type, count.getAsInt(), Integer::sum) - count.getAsInt();
                    expand(fields, type, first, count.getAsInt(), out);
                } else {
                    out.add(new Placed(server(fields, type, fields.requiredString("id")), fields, "id"));
                }
            }
        });
        return out;
    }

    /** {@code count} servers {@code cluster-server-<type>-<first + k>}; values {@code "<n>++"} become {@code n + k}. */
    private static void expand(Fields entry, String type, int first, int count, List<Placed> out) {
        Map<String, Integer> increments = new LinkedHashMap<>();
        entry.values().forEach((key, value) -> {
            if (!value.isString() || !value.stringValue().endsWith(INCREMENT)) return;
            String base = value.stringValue().substring(0, value.stringValue().length() - INCREMENT.length()).trim();
            try {
                increments.put(key, Integer.parseInt(base));
            } catch (NumberFormatException e) {
                throw entry.error(key, "expected an integer followed by ++ (as in \"4050++\"), found " + Json.describe(value));
            }
        });
        for (int k = 0; k < count; k++) {
            Map<String, JsonNode> values = new LinkedHashMap<>(entry.values());
            int offset = k;
            increments.forEach((key, base) -> values.put(key, IntNode.valueOf(base + offset)));
            Fields copy = new Fields(entry.file(), entry.path(), values);
            out.add(new Placed(server(copy, type, CLUSTER_PREFIX + type + "-" + (first + k)), copy, "clusterCount"));
        }
    }

    private static ServerConfig server(Fields f, String type, String id) {
        String host = f.requiredString("host");
        boolean frontend = f.flag("frontend");
        OptionalInt port = frontend ? f.port("port") : OptionalInt.of(f.requiredPort("port", "a backend server's RPC port"));
        OptionalInt clientPort = frontend
                ? OptionalInt.of(f.requiredPort("clientPort", "a frontend server's port for clients"))
                : f.port("clientPort");
        return new ServerConfig(id, type, host, port, f.optionalString("clientHost"), clientPort, frontend,
                f.flag("auto-restart"), f.flag("restart-force"), f.positiveInt("max-connections"), f.args("args"),
                f.extra(KNOWN));
    }
}
