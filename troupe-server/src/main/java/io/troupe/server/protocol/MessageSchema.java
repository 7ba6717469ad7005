package io.troupe.server.protocol;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One pomelo-protobuf message: its fields in declaration order, the tag → name index and its nested messages.
 * Immutable.
 */
record MessageSchema(Map<String, Field> fields, Map<Integer, String> tags, Map<String, MessageSchema> nested) {

    /** A field: option {@code required|optional|repeated}, a type name and a tag. */
    record Field(String name, String option, String type, int tag) {
        boolean repeated() {
            return "repeated".equals(option);
        }

        boolean required() {
            return "required".equals(option);
        }
    }

    /** The wire type of a field type: varint 0, double 1, string/message 2, float 5. */
    static int wireType(String type) {
        return switch (type) {
            case "uInt32", "sInt32", "int32" -> 0;
            case "double" -> 1;
            case "float" -> 5;
            default -> 2;
        };
    }

    /** Types whose repeated form is key + element count + raw values. */
    static boolean isSimple(String type) {
        return switch (type) {
            case "uInt32", "sInt32", "int32", "uInt64", "sInt64", "float", "double" -> true;
            default -> false;
        };
    }

    /** The parsed form sent in the handshake: fields, then {@code __messages}, then {@code __tags}. */
    ObjectNode toParsedJson() {
        ObjectNode out = Json.NODES.objectNode();
        fields.values().forEach(f -> out.putObject(f.name()).put("option", f.option()).put("type", f.type())
                .put("tag", f.tag()));
        ObjectNode messages = out.putObject("__messages");
        nested.forEach((name, m) -> messages.set(name, m.toParsedJson()));
        ObjectNode tagIndex = out.putObject("__tags");
        tags.forEach((tag, name) -> tagIndex.put(Integer.toString(tag), name));
        return out;
    }

    static boolean isReserved(String key) {
        return "__messages".equals(key) || "__tags".equals(key);
    }

    static int tagOf(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || node.intValue() < 1 || node.intValue() > 0x1FFF_FFFF) {
            return -1;
        }
        return node.intValue();
    }
}
