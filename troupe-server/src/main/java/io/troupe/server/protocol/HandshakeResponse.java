package io.troupe.server.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's handshake reply, e.g. {@code {"code":200,"sys":{"heartbeat":3,"dict":{…},"dictVersion":"…",
 * "useDict":true,"protos":{…},"useProto":true},"user":{…}}} or {@code {"code":501}}.
 *
 * @param json the whole JSON object
 */
public record HandshakeResponse(JsonNode json) {
    /** Handshake accepted. */
    public static final int CODE_OK = 200;
    /** No {@code sys} in the request, or the application's handshake hook failed. */
    public static final int CODE_USE_ERROR = 500;
    /** The client's type/version was refused ({@code RES_OLD_CLIENT}). */
    public static final int CODE_OLD_CLIENT = 501;

    public HandshakeResponse {
        Objects.requireNonNull(json, "json");
    }

    /**
     * The successful reply to {@code request}: {@code heartbeat} (omitted when 0); when the codec uses a dictionary,
     * {@code dict}+{@code dictVersion} unless the client already has that version, and {@code useDict}; when it uses
     * protos, {@code protos} unless the client's {@code protoVersion} matches, and {@code useProto}.
     *
     * @param heartbeatSeconds the heartbeat interval in seconds, 0 for none
     * @param user the {@code user} object, or null to leave it out
     */
    public static HandshakeResponse ok(HandshakeRequest request, MessageCodec codec, int heartbeatSeconds,
            JsonNode user) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("code", CODE_OK);
        ObjectNode sys = root.putObject("sys");
        if (heartbeatSeconds > 0) {
            sys.put("heartbeat", heartbeatSeconds);
        }
        RouteDictionary dict = codec.dict();
        if (dict != null) {
            if (!dict.version().equals(request.dictVersion())) {
                sys.set("dict", dict.toJson());
                sys.put("dictVersion", dict.version());
            }
            sys.put("useDict", true);
        }
        Protos protos = codec.protos();
        if (protos != null) {
            if (!protos.version().equals(request.protoVersion())) {
                sys.set("protos", protos.toHandshakeJson());
            }
            sys.put("useProto", true);
        }
        if (user != null) {
            root.set("user", user);
        }
        return new HandshakeResponse(root);
    }

    /** An error reply: just {@code {"code":code}}. */
    public static HandshakeResponse error(int code) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("code", code);
        return new HandshakeResponse(root);
    }

    /** Parses a handshake reply. @throws ProtocolException on bad JSON or a non-object */
    public static HandshakeResponse decode(byte[] body) {
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw new ProtocolException("handshake response is not a JSON object");
        }
        return new HandshakeResponse(node);
    }

    public byte[] encode() {
        return Json.write(json);
    }

    /** A whole HANDSHAKE package carrying this reply. */
    public byte[] encodePackage() {
        return Package.encode(PackageType.HANDSHAKE, encode());
    }

    public int code() {
        return json.path("code").asInt(0);
    }

    /** {@code sys.heartbeat} in seconds, 0 when absent. */
    public int heartbeatSeconds() {
        return json.path("sys").path("heartbeat").asInt(0);
    }

    /** {@code sys.dict}, or null when not sent. @throws ProtocolException if malformed */
    public RouteDictionary dict() {
        JsonNode d = json.path("sys").get("dict");
        return d == null || d.isNull() ? null : RouteDictionary.fromJson(d);
    }

    /** {@code sys.protos}, or null when not sent. @throws ProtocolException if malformed */
    public Protos protos() {
        JsonNode p = json.path("sys").get("protos");
        return p == null || p.isNull() ? null : Protos.fromHandshakeJson(p);
    }

    public boolean useDict() {
        return json.path("sys").path("useDict").asBoolean(false);
    }

    public boolean useProto() {
        return json.path("sys").path("useProto").asBoolean(false);
    }

    /** The {@code user} object, or null. */
    public JsonNode user() {
        return json.get("user");
    }
}
