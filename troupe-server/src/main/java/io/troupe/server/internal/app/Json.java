package io.troupe.server.internal.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The app layer's JSON conversions (one shared, thread-safe mapper). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** A handler's result as JSON: {@code null} is {@code {}}, as in pinus. */
    static JsonNode toTree(Object value) {
        if (value == null) return MAPPER.createObjectNode();
        if (value instanceof JsonNode node) return node;
        return MAPPER.valueToTree(value);
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static JsonNode read(String text) {
        return text == null ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    }

    static ObjectNode error(int code, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        return node;
    }
}
