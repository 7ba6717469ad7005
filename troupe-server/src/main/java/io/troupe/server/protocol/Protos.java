package io.troupe.server.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Both directions' protobuf schemas and their version, as announced in the handshake ({@code sys.protos}).
 *
 * @param server messages the server sends: push routes, and request routes for their responses
 * @param client messages the client sends, keyed by request/notify route
 * @param version the version clients cache the protos under (md5 base64 of the parsed form unless given)
 */
public record Protos(ProtoSchemas server, ProtoSchemas client, String version) {
    public Protos {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(version, "version");
    }

    /** Protos with a version computed from their content. */
    public static Protos of(ProtoSchemas server, ProtoSchemas client) {
        ObjectNode both = Json.NODES.objectNode();
        both.set("server", server.toParsedJson());
        both.set("client", client.toParsedJson());
        return new Protos(server, client, Json.md5Base64(both));
    }

    /** From the source forms ({@code serverProtos.json}, {@code clientProtos.json}). */
    public static Protos parse(JsonNode serverSource, JsonNode clientSource) {
        return of(ProtoSchemas.parse(serverSource), ProtoSchemas.parse(clientSource));
    }

    /** The {@code sys.protos} object of a handshake response. */
    public ObjectNode toHandshakeJson() {
        ObjectNode out = Json.NODES.objectNode();
        out.set("server", server.toParsedJson());
        out.set("client", client.toParsedJson());
        out.put("version", version);
        return out;
    }

    /** Reads {@code sys.protos} of a handshake response. */
    public static Protos fromHandshakeJson(JsonNode protos) {
        if (protos == null || !protos.isObject()) {
            throw new ProtocolException("protos is not an object");
        }
        return new Protos(ProtoSchemas.fromParsed(protos.get("server")), ProtoSchemas.fromParsed(protos.get("client")),
                protos.path("version").asString(""));
    }
}
