package io.troupe.server.config;

import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The properties of one JSON object (a master, or one server entry) with typed, checked access;
 * every error names the file and the property's JSON path. JSON {@code null} counts as absent.
 */
final class Fields {
    private final Path file;
    private final String path;
    private final Map<String, JsonNode> values;

    Fields(Path file, String path, Map<String, JsonNode> values) {
        this.file = file;
        this.path = path;
        this.values = values;
    }

    /** The properties of {@code node}, which must be an object. */
    static Fields of(Path file, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, path, "expected an object, found " + Json.describe(node));
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return new Fields(file, path, values);
    }

    String path() {
        return path;
    }

    Path file() {
        return file;
    }

    Map<String, JsonNode> values() {
        return values;
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(file, Json.child(path, key), problem);
    }

    ConfigException error(String problem) {
        return new ConfigException(file, path, problem);
    }

    Optional<JsonNode> get(String key) {
        JsonNode value = values.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "missing required field (expected a string)"));
    }

    Optional<String> optionalString(String key) {
        return get(key).map(value -> {
            if (!value.isString() || value.stringValue().isBlank()) {
                throw error(key, "expected a non-empty string, found " + Json.describe(value));
            }
            return value.stringValue();
        });
    }

    int requiredPort(String key, String why) {
        OptionalInt port = port(key);
        if (port.isEmpty()) throw error(key, "missing required field (expected a port number: " + why + ")");
        return port.getAsInt();
    }

    OptionalInt port(String key) {
        Optional<JsonNode> value = get(key);
        if (value.isEmpty()) return OptionalInt.empty();
        JsonNode node = value.get();
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 65535) {
            throw error(key, "expected a port number (an integer from 1 to 65535), found " + Json.describe(node));
        }
        return OptionalInt.of(node.intValue());
    }

    OptionalInt positiveInt(String key) {
        Optional<JsonNode> value = get(key);
        if (value.isEmpty()) return OptionalInt.empty();
        JsonNode node = value.get();
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw error(key, "expected a positive integer, found " + Json.describe(node));
        }
        return OptionalInt.of(node.intValue());
    }

    boolean flag(String key) {
        Optional<JsonNode> value = get(key);
        if (value.isEmpty()) return false;
        if (!value.get().isBoolean()) {
            throw error(key, "expected a boolean (true or false), found " + Json.describe(value.get()));
        }
        return value.get().booleanValue();
    }

    /** A string (one argument, trimmed, as pinus passes it) or an array of strings. */
    List<String> args(String key) {
        Optional<JsonNode> value = get(key);
        if (value.isEmpty()) return List.of();
        JsonNode node = value.get();
        if (node.isString()) {
            String arg = node.stringValue().trim();
            return arg.isEmpty() ? List.of() : List.of(arg);
        }
        if (!node.isArray()) {
            throw error(key, "expected a string or an array of strings, found " + Json.describe(node));
        }
        List<String> args = new ArrayList<>();
        int i = 0;
        for (JsonNode element : node.values()) {
            if (!element.isString()) {
                throw new ConfigException(file, Json.child(path, key) + "[" + i + "]",
                        "expected a string, found " + Json.describe(element));
            }
            args.add(element.stringValue());
            i++;
        }
        return args;
    }

    /** Every property not in {@code known}, as plain Java values, in file order. */
    Map<String, Object> extra(Set<String> known) {
        Map<String, Object> extra = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!known.contains(key)) extra.put(key, Json.plain(value));
        });
        return extra;
    }
}
