package io.troupe.server.protocol;

import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * Routes and bodies of messages as negotiated in the handshake: route compression through a {@link RouteDictionary}
 * when {@code useDict}, protobuf bodies for routes in the {@link Protos} when {@code useProto}, UTF-8 JSON otherwise.
 * Used by the server (encode responses and pushes, decode requests and notifies) and by the client (the reverse).
 * Immutable and thread-safe: encoding can run on any thread.
 */
public final class MessageCodec {
    private static final MessageCodec PLAIN = new MessageCodec(null, null);

    private final RouteDictionary dict;
    private final Protos protos;

    /**
     * @param dict the dictionary, or null when {@code useDict} is off
     * @param protos the protos, or null when {@code useProto} is off
     */
    public MessageCodec(RouteDictionary dict, Protos protos) {
        this.dict = dict;
        this.protos = protos;
    }

    /** JSON bodies and plain routes. */
    public static MessageCodec plain() {
        return PLAIN;
    }

    /** The dictionary, or null when route compression is off. */
    public RouteDictionary dict() {
        return dict;
    }

    /** The protos, or null when protobuf is off. */
    public Protos protos() {
        return protos;
    }

    public boolean useDict() {
        return dict != null;
    }

    public boolean useProto() {
        return protos != null;
    }

    // ---- server side ----

    /**
     * A whole DATA package carrying a PUSH: compressed route if the route is in the dictionary, protobuf body if
     * {@code protos.server} has the route.
     *
     * @throws IllegalArgumentException if the body does not fit the route's proto, or a plain route exceeds 255 bytes
     */
    public byte[] encodePush(String route, JsonNode body) {
        byte[] b = encodeBody(protos == null ? null : protos.server(), route, body);
        int code = dict == null ? -1 : dict.code(route);
        return (code >= 0 ? Message.push(code, b) : Message.push(route, b)).encodePackage();
    }

    /**
     * A whole DATA package carrying the RESPONSE to request {@code id}; the body is encoded with
     * {@code protos.server[requestRoute]} when present.
     *
     * @throws IllegalArgumentException if the body does not fit the route's proto
     */
    public byte[] encodeResponse(int id, String requestRoute, JsonNode body) {
        return Message.response(id, encodeBody(protos == null ? null : protos.server(), requestRoute, body))
                .encodePackage();
    }

    /**
     * Decodes a client's message (the body of a DATA package).
     *
     * @throws ProtocolException if it is malformed, is not a REQUEST or NOTIFY, has the gzip bit, uses an unknown
     *     route code (or any code while the dictionary is off), or its body is not valid JSON/protobuf
     */
    public DecodedMessage decodeClientMessage(byte[] data) {
        Message m = Message.decode(data);
        if (m.type() != MessageType.REQUEST && m.type() != MessageType.NOTIFY) {
            throw new ProtocolException("client sent a " + m.type());
        }
        String route = resolveRoute(m);
        return new DecodedMessage(m.type(), m.id(), route,
                decodeBody(protos == null ? null : protos.client(), route, m));
    }

    // ---- client side ----

    /** The body of a DATA package carrying a REQUEST (or a NOTIFY when {@code id == 0}). */
    public byte[] encodeClientMessage(int id, String route, JsonNode body) {
        byte[] b = encodeBody(protos == null ? null : protos.client(), route, body);
        int code = dict == null ? -1 : dict.code(route);
        MessageType type = id > 0 ? MessageType.REQUEST : MessageType.NOTIFY;
        return new Message(type, id, code >= 0 ? null : route, code, false, b).encodePackage();
    }

    /**
     * Decodes a server's message.
     *
     * @param requestRoutes the route of a pending request id (a RESPONSE carries no route), null if unknown
     * @throws ProtocolException if it is malformed, not a RESPONSE/PUSH, answers an unknown id, or the body is bad
     */
    public DecodedMessage decodeServerMessage(byte[] data, IntFunction<String> requestRoutes) {
        Message m = Message.decode(data);
        String route;
        if (m.type() == MessageType.RESPONSE) {
            route = requestRoutes.apply(m.id());
            if (route == null) {
                throw new ProtocolException("response to unknown request " + m.id());
            }
        } else if (m.type() == MessageType.PUSH) {
            route = resolveRoute(m);
        } else {
            throw new ProtocolException("server sent a " + m.type());
        }
        return new DecodedMessage(m.type(), m.id(), route,
                decodeBody(protos == null ? null : protos.server(), route, m));
    }

    // ---- shared ----

    private String resolveRoute(Message m) {
        if (!m.compressRoute()) {
            return m.route();
        }
        String route = dict == null ? null : dict.route(m.routeCode());
        if (route == null) {
            throw new ProtocolException("unknown route code " + m.routeCode());
        }
        return route;
    }

    private static byte[] encodeBody(ProtoSchemas schemas, String route, JsonNode body) {
        if (schemas != null && schemas.has(route)) {
            return schemas.encode(route, body);
        }
        return Json.write(body);
    }

    private static JsonNode decodeBody(ProtoSchemas schemas, String route, Message m) {
        if (m.gzip()) {
            throw new ProtocolException("gzip-compressed bodies are not supported");
        }
        if (schemas != null && schemas.has(route)) {
            return schemas.decode(route, m.body());
        }
        if (m.body().length == 0) {
            return Json.NODES.objectNode();
        }
        return Json.parse(m.body());
    }
}
