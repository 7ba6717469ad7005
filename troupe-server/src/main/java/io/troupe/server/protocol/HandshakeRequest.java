package io.troupe.server.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client's handshake (body of its first HANDSHAKE package), e.g.
 * {@code {"sys":{"type":"js-websocket","version":"0.0.1","rsa":{},"protoVersion":0},"user":{}}}.
 *
 * @param json the whole JSON object
 */
public record HandshakeRequest(JsonNode json) {
    public HandshakeRequest {
        Objects.requireNonNull(json, "json");
    }

    /** Builds a client handshake; null arguments are left out. */
    public static HandshakeRequest of(String type, String version, String protoVersion, String dictVersion,
            JsonNode user) {
        ObjectNode root = Json.NODES.objectNode();
        ObjectNode sys = root.putObject("sys");
        sys.put("type", type);
        sys.put("version", version);
        sys.putObject("rsa");
        if (protoVersion != null) {
            sys.put("protoVersion", protoVersion);
        } else {
            sys.put("protoVersion", 0);
        }
        if (dictVersion != null) {
            sys.put("dictVersion", dictVersion);
        }
        root.set("user", user == null ? Json.NODES.objectNode() : user);
        return new HandshakeRequest(root);
    }

    /** Parses a handshake body. @throws ProtocolException on bad JSON or a non-object */
    public static HandshakeRequest decode(byte[] body) {
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw new ProtocolException("handshake is not a JSON object");
        }
        return new HandshakeRequest(node);
    }

    public byte[] encode() {
        return Json.write(json);
    }

    /** The {@code sys} object, or null (pinus answers 500 then). */
    public JsonNode sys() {
        JsonNode sys = json.get("sys");
        return sys != null && sys.isObject() ? sys : null;
    }

    /** {@code sys.type}, e.g. {@code js-websocket}, or null. */
    public String clientType() {
        return text("type");
    }

    /** {@code sys.version}, or null. */
    public String clientVersion() {
        return text("version");
    }

    /** {@code sys.protoVersion}, or null when absent, 0 or empty (JavaScript-falsy: send the protos). */
    public String protoVersion() {
        return text("protoVersion");
    }

    /** {@code sys.dictVersion}, or null when absent or falsy. */
    public String dictVersion() {
        return text("dictVersion");
    }

    /** The {@code user} object, or null. */
    public JsonNode user() {
        return json.get("user");
    }

    private String text(String field) {
        JsonNode sys = sys();
        JsonNode v = sys == null ? null : sys.get(field);
        if (v == null || v.isNull() || v.isContainer() || (v.isNumber() && v.doubleValue() == 0)
                || (v.isBoolean() && !v.booleanValue())) {
            return null;
        }
        String s = v.asString();
        return s.isEmpty() ? null : s;
    }
}
