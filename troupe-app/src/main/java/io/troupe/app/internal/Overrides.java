package io.troupe.app.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Applies {@code -o} overrides to the YAML tree before it is read, so that an overridden value is
 * checked like any other. Forms: {@code ns:entry.field.path=value}, {@code entry.field.path=value}
 * and Wippy's {@code ns:entry:field.path=value}. The value is parsed as YAML.
 */
final class Overrides {
    private Overrides() {
    }

    static void apply(ObjectNode root, List<String> overrides, Problems problems, ObjectMapper yaml) {
        for (String override : overrides) {
            apply(root, override, problems, yaml);
        }
    }

    private static void apply(ObjectNode root, String override, Problems problems, ObjectMapper yaml) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.addOnCommandLine("override '" + override + "' must look like ns:entry.field=value");
            return;
        }
        String key = override.substring(0, eq);
        String namespace = root.path("namespace").asString("");
        String rest = key;
        int colon = key.indexOf(':');
        if (colon >= 0) { // ns:entry.path or Wippy's ns:entry:path; a namespace may contain dots
            namespace = key.substring(0, colon);
            rest = key.substring(colon + 1);
        }
        int cut = firstOf(rest, '.', ':');
        if (cut <= 0 || cut == rest.length() - 1) {
            problems.addOnCommandLine("override '" + override + "' names no field (write ns:entry.field=value)");
            return;
        }
        String name = rest.substring(0, cut);
        String[] path = rest.substring(cut + 1).replace(':', '.').split("\\.", -1);
        ObjectNode entry = findEntry(root, namespace, name);
        if (entry == null) {
            problems.addOnCommandLine("override '" + override + "': no entry " + namespace + ":" + name);
            return;
        }
        ObjectNode parent = entry;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = parent.get(path[i]);
            if (next == null || next.isNull()) next = parent.putObject(path[i]);
            if (!next.isObject()) {
                problems.addOnCommandLine("override '" + override + "': " + String.join(".", List.of(path).subList(0, i + 1))
                        + " is not a map");
                return;
            }
            parent = (ObjectNode) next;
        }
        parent.set(path[path.length - 1], value(override.substring(eq + 1), yaml));
        problems.noteOverride(namespace + ":" + name, String.join(".", path), override);
    }

    private static ObjectNode findEntry(ObjectNode root, String namespace, String name) {
        if (!namespace.equals(root.path("namespace").asString("")) || !(root.get("entries") instanceof ArrayNode entries)) {
            return null;
        }
        for (JsonNode entry : entries) {
            if (entry instanceof ObjectNode object && name.equals(object.path("name").asString(null))) return object;
        }
        return null;
    }

    private static JsonNode value(String text, ObjectMapper yaml) {
        if (text.isBlank()) return JsonNodeFactory.instance.stringNode(text);
        try {
            JsonNode parsed = yaml.readTree(text);
            return parsed == null || parsed.isMissingNode() ? JsonNodeFactory.instance.stringNode(text) : parsed;
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.stringNode(text);
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
