package io.troupe.app.internal;

import io.troupe.app.Durations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, checked reads of one YAML map. Each read records a problem (with the entry and field path)
 * instead of throwing and returns a default, so that reading goes on and finds every problem;
 * {@link #rejectUnknown()} then reports the keys nobody read.
 */
final class Fields {
    private final ObjectNode node;
    private final Problems problems;
    private final String entry;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    Fields(ObjectNode node, Problems problems, String entry, String prefix) {
        this.node = node;
        this.problems = problems;
        this.entry = entry;
        this.prefix = prefix;
    }

    String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    void problem(String name, String reason) {
        problems.add(entry, name == null ? (prefix.isEmpty() ? null : prefix) : path(name), reason);
    }

    /** The raw value, or empty if the key is absent or null. */
    Optional<JsonNode> raw(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    boolean has(String name) {
        return node.has(name);
    }

    Optional<String> optionalString(String name) {
        return raw(name).flatMap(value -> {
            if (value.isValueNode()) return Optional.of(value.asString());
            problem(name, "expected a string, found " + describe(value));
            return Optional.empty();
        });
    }

    /** A required string; records "missing field" if absent. */
    Optional<String> string(String name) {
        if (raw(name).isEmpty()) {
            problem(name, "missing field");
            return Optional.empty();
        }
        return optionalString(name);
    }

    boolean bool(String name, boolean defaultValue) {
        return raw(name).map(value -> {
            if (value.isBoolean()) return value.booleanValue();
            if (value.isString() && value.stringValue().matches("true|false")) return Boolean.parseBoolean(value.stringValue());
            problem(name, "expected true or false, found " + describe(value));
            return defaultValue;
        }).orElse(defaultValue);
    }

    Duration duration(String name, Duration defaultValue) {
        return raw(name).map(value -> {
            if (!value.isValueNode() || value.isBoolean()) {
                problem(name, "expected a duration such as 5s, found " + describe(value));
                return defaultValue;
            }
            try {
                return Durations.parse(value.asString());
            } catch (IllegalArgumentException e) {
                problem(name, "bad duration: " + e.getMessage());
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    int integer(String name, int defaultValue, int min) {
        return raw(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problem(name, "expected a whole number, found " + describe(value));
                return defaultValue;
            }
            if (value.intValue() < min) {
                problem(name, "must be at least " + min + ", was " + value.intValue());
                return defaultValue;
            }
            return value.intValue();
        }).orElse(defaultValue);
    }

    double decimal(String name, double defaultValue, double min, double max) {
        return raw(name).map(value -> {
            if (!value.isNumber()) {
                problem(name, "expected a number, found " + describe(value));
                return defaultValue;
            }
            double d = value.doubleValue();
            if (!(d >= min && d <= max)) {
                problem(name, "must be between " + min + " and " + (max == Double.MAX_VALUE ? "any" : max) + ", was " + d);
                return defaultValue;
            }
            return d;
        }).orElse(defaultValue);
    }

    /** A list of scalars, as strings; a single scalar counts as a list of one. */
    List<String> strings(String name) {
        return raw(name).map(value -> {
            List<String> out = new ArrayList<>();
            if (value.isValueNode()) {
                out.add(value.asString());
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (item.isValueNode() && !item.isNull()) out.add(item.asString());
                    else problem(name + "[" + i + "]", "expected a string, found " + describe(item));
                }
            } else {
                problem(name, "expected a list of strings, found " + describe(value));
            }
            return out;
        }).orElse(List.of());
    }

    /** A map of scalars, as strings. */
    Map<String, String> scalarMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        raw(name).ifPresent(value -> {
            if (!value.isObject()) {
                problem(name, "expected a map, found " + describe(value));
                return;
            }
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asString());
                else problem(name + "." + e.getKey(), "expected a single value, found " + describe(e.getValue()));
            }
        });
        return out;
    }

    /** A nested map (an empty one if absent, or if it is not a map, which is recorded). */
    Fields object(String name) {
        ObjectNode child = raw(name).map(value -> {
            if (value.isObject()) return (ObjectNode) value;
            problem(name, "expected a map, found " + describe(value));
            return null;
        }).orElse(null);
        return new Fields(child == null ? JsonNodeFactory.instance.objectNode() : child, problems, entry, path(name));
    }

    /** Records an "unknown field" problem for each key no read has asked for. */
    void rejectUnknown() {
        for (String name : node.propertyNames()) {
            if (!read.contains(name)) problem(name, "unknown field");
        }
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return "nothing";
        if (value.isObject()) return "a map";
        if (value.isArray()) return "a list";
        if (value.isBoolean()) return value.asString();
        if (value.isNumber()) return value.asString();
        return "'" + value.asString() + "'";
    }
}
