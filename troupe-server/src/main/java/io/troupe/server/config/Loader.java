package io.troupe.server.config;

import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds the files of an environment the way pinus does, reads them and checks them as a whole. */
final class Loader {
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Set<String> MASTER_KEYS = Set.of("id", "host", "port");

    private Loader() {
    }

    /** The part of a file that applies to the environment, and its JSON path. */
    record Section(Path file, String path, JsonNode node) {
    }

    static AppConfig load(Path configDir, String environment) {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(environment, "environment");
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("not an environment name: \"" + environment + "\"");
        }
        Fields masterFields = fields(section(configDir, "master.json", environment));
        MasterConfig master = new MasterConfig(masterFields.requiredString("id"), masterFields.requiredString("host"),
                masterFields.requiredPort("port", "the master's admin port"), masterFields.extra(MASTER_KEYS));
        List<Servers.Placed> placed = Servers.read(fields(section(configDir, "servers.json", environment)));
        Checks.uniqueIdsAndPorts(master, masterFields, placed);
        Map<String, List<ServerConfig>> byType = new LinkedHashMap<>();
        for (Servers.Placed p : placed) {
            byType.computeIfAbsent(p.server().serverType(), type -> new ArrayList<>()).add(p.server());
        }
        return new AppConfig(environment, master, byType);
    }

    private static Fields fields(Section section) {
        return Fields.of(section.file(), section.path(), section.node());
    }

    /**
     * {@code <dir>/<name>} if it has the environment's key; else {@code <dir>/<env>/<name>} if it
     * exists; else {@code <dir>/<name>} as a whole if it is not divided into environments.
     */
    static Section section(Path dir, String name, String environment) {
        Path shared = dir.resolve(name);
        Path own = dir.resolve(environment).resolve(name);
        if (Files.exists(shared)) {
            JsonNode root = Json.readObject(shared);
            if (root.has(environment)) {
                return new Section(shared, Json.child("$", environment), root.get(environment));
            }
            if (Files.exists(own)) return new Section(own, "$", Json.readObject(own));
            if (!dividedIntoEnvironments(root)) return new Section(shared, "$", root);
            throw new ConfigException(shared, "$", "unknown environment \"" + environment + "\": the file has "
                    + (root.isEmpty() ? "none" : String.join(", ", root.propertyNames())) + ", and " + own
                    + " does not exist");
        }
        if (Files.exists(own)) return new Section(own, "$", Json.readObject(own));
        throw new ConfigException(shared, "", "missing file: neither it nor " + own + " exists");
    }

    /** Keys are environments when every value is an object (server lists are arrays, master fields scalars). */
    private static boolean dividedIntoEnvironments(JsonNode root) {
        return root.values().stream().allMatch(JsonNode::isObject);
    }
}
