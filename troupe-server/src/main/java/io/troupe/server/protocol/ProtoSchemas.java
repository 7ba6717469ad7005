package io.troupe.server.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One direction's pomelo-protobuf schemas ({@code serverProtos.json} or {@code clientProtos.json}): route →
 * message, plus top-level {@code "message Name"} types. Immutable and thread-safe.
 *
 * <p>Source form: {@code {"route": {"required string content": 1, "repeated Item items": 2,
 * "message Item": {"optional uInt32 n": 1}}}}. Entries that do not parse (wrong word count, unknown option,
 * duplicate tag) are skipped, as pomelo-protobuf does. Types: {@code uInt32}, {@code sInt32}/{@code int32}
 * (zigzag), {@code float}, {@code double}, {@code string} and message names, looked up first among the enclosing
 * message's nested messages, then among the top-level {@code "message Name"} entries.
 *
 * <p>Wire rules of the dialect (not Google protobuf): key = {@code tag << 3 | wireType} varint; fields are written in
 * the order of the JSON object's keys, only those present; a repeated simple type (numbers) is key + element count +
 * raw values; repeated strings and messages are one key + length per element; a message that encodes to nothing is
 * an empty body.
 */
public final class ProtoSchemas {
    private static final ProtoSchemas EMPTY = new ProtoSchemas(Map.of());
    /** Bound on nested-message depth while decoding hostile input. */
    static final int MAX_DEPTH = 32;

    private final Map<String, MessageSchema> byKey;

    private ProtoSchemas(Map<String, MessageSchema> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    public static ProtoSchemas empty() {
        return EMPTY;
    }

    /** Parses the source form (the contents of {@code serverProtos.json}/{@code clientProtos.json}). */
    public static ProtoSchemas parse(JsonNode source) {
        if (source == null || !source.isObject()) {
            throw new IllegalArgumentException("protos must be a JSON object");
        }
        Map<String, MessageSchema> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : source.properties()) {
            if (e.getValue().isObject()) {
                byKey.put(e.getKey(), parseMessage(e.getValue()));
            }
        }
        return new ProtoSchemas(byKey);
    }

    private static MessageSchema parseMessage(JsonNode obj) {
        Map<String, MessageSchema.Field> fields = new LinkedHashMap<>();
        Map<Integer, String> tags = new TreeMap<>();
        Map<String, MessageSchema> nested = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            String[] words = e.getKey().split(" ");
            switch (words[0]) {
                case "message" -> {
                    if (words.length == 2 && e.getValue().isObject()) {
                        nested.put(words[1], parseMessage(e.getValue()));
                    }
                }
                case "required", "optional", "repeated" -> {
                    int tag = MessageSchema.tagOf(e.getValue());
                    if (words.length == 3 && tag > 0 && !tags.containsKey(tag)) {
                        fields.put(words[2], new MessageSchema.Field(words[2], words[0], words[1], tag));
                        tags.put(tag, words[2]);
                    }
                }
                default -> { }
            }
        }
        return new MessageSchema(fields, tags, nested);
    }

    /** Reads the parsed form, as a client receives it in {@code sys.protos.server}/{@code client}. */
    public static ProtoSchemas fromParsed(JsonNode parsed) {
        if (parsed == null || parsed.isNull() || parsed.isMissingNode()) {
            return EMPTY;
        }
        if (!parsed.isObject()) {
            throw new ProtocolException("protos are not an object");
        }
        Map<String, MessageSchema> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : parsed.properties()) {
            if (e.getValue().isObject()) {
                byKey.put(e.getKey(), readParsed(e.getValue(), 0));
            }
        }
        return new ProtoSchemas(byKey);
    }

    private static MessageSchema readParsed(JsonNode obj, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ProtocolException("protos nested too deeply");
        }
        Map<String, MessageSchema.Field> fields = new LinkedHashMap<>();
        Map<Integer, String> tags = new TreeMap<>();
        Map<String, MessageSchema> nested = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            JsonNode v = e.getValue();
            if ("__messages".equals(e.getKey())) {
                for (Map.Entry<String, JsonNode> m : v.properties()) {
                    if (m.getValue().isObject()) {
                        nested.put(m.getKey(), readParsed(m.getValue(), depth + 1));
                    }
                }
            } else if (!MessageSchema.isReserved(e.getKey()) && v.isObject()) {
                int tag = MessageSchema.tagOf(v.get("tag"));
                String option = v.path("option").asString("");
                String type = v.path("type").asString("");
                if (tag > 0 && !type.isEmpty() && !tags.containsKey(tag)
                        && (option.equals("required") || option.equals("optional") || option.equals("repeated"))) {
                    fields.put(e.getKey(), new MessageSchema.Field(e.getKey(), option, type, tag));
                    tags.put(tag, e.getKey());
                }
            }
        }
        return new MessageSchema(fields, tags, nested);
    }

    /** Whether {@code route} has a schema (so its bodies are protobuf rather than JSON). */
    public boolean has(String route) {
        return route != null && byKey.containsKey(route);
    }

    /** The routes and {@code "message Name"} keys. */
    public Set<String> keys() {
        return byKey.keySet();
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /**
     * Encodes {@code body} (a JSON object) with the schema of {@code route}. An object with no schema field
     * encodes to an empty array.
     *
     * @throws IllegalArgumentException if the route has no schema, a required field is missing (JSON null counts as
     *     missing), or a value does not fit its type
     */
    public byte[] encode(String route, JsonNode body) {
        MessageSchema schema = byKey.get(route);
        if (schema == null) {
            throw new IllegalArgumentException("no proto for route " + route);
        }
        return new ProtobufWriter(this).encode(schema, body, route);
    }

    /**
     * Decodes a body of {@code route}.
     *
     * @throws ProtocolException if the bytes do not follow the schema (unknown tag, truncation, bad UTF-8 …)
     * @throws IllegalArgumentException if the route has no schema
     */
    public JsonNode decode(String route, byte[] bytes) {
        MessageSchema schema = byKey.get(route);
        if (schema == null) {
            throw new IllegalArgumentException("no proto for route " + route);
        }
        return new ProtobufReader(this, bytes).readMessage(schema, bytes.length, 0);
    }

    /** Resolves a message type name from inside {@code scope}. */
    MessageSchema messageType(MessageSchema scope, String type) {
        MessageSchema m = scope.nested().get(type);
        return m != null ? m : byKey.get("message " + type);
    }

    /** The parsed form sent in the handshake ({@code protos.server} or {@code protos.client}). */
    public ObjectNode toParsedJson() {
        ObjectNode out = Json.NODES.objectNode();
        byKey.forEach((k, m) -> out.set(k, m.toParsedJson()));
        return out;
    }

    @Override
    public String toString() {
        return "ProtoSchemas" + byKey.keySet();
    }
}
