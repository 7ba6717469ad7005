package io.troupe.server.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes pomelo-protobuf to JSON. The schema, not the wire type, decides how a value is read (as pomelo-protobuf
 * does). Every length and count is checked against the remaining input. Single use, not thread-safe.
 */
final class ProtobufReader {
    private final ProtoSchemas schemas;
    private final byte[] in;
    private final int[] pos = {0};

    ProtobufReader(ProtoSchemas schemas, byte[] in) {
        this.schemas = schemas;
        this.in = in;
    }

    ObjectNode readMessage(MessageSchema schema, int limit, int depth) {
        if (depth > ProtoSchemas.MAX_DEPTH) {
            throw new ProtocolException("protobuf nested too deeply");
        }
        ObjectNode msg = Json.NODES.objectNode();
        while (pos[0] < limit) {
            long key = Varints.read(in, pos, limit, 5);
            String name = schema.tags().get((int) (key >>> 3));
            if (name == null) {
                throw new ProtocolException("unknown protobuf tag " + (key >>> 3));
            }
            MessageSchema.Field f = schema.fields().get(name);
            if (!f.repeated()) {
                msg.set(name, readValue(schema, f.type(), limit, depth));
                continue;
            }
            JsonNode existing = msg.get(name);
            ArrayNode array = existing instanceof ArrayNode a ? a : msg.putArray(name);
            if (MessageSchema.isSimple(f.type())) {
                long count = Varints.read(in, pos, limit, 10);
                if (count < 0 || count > limit - pos[0]) {
                    throw new ProtocolException("protobuf element count " + count + " exceeds the input");
                }
                for (long i = 0; i < count; i++) {
                    array.add(readValue(schema, f.type(), limit, depth));
                }
            } else {
                array.add(readValue(schema, f.type(), limit, depth));
            }
        }
        if (pos[0] != limit) {
            throw new ProtocolException("protobuf message overruns its length");
        }
        return msg;
    }

    private JsonNode readValue(MessageSchema scope, String type, int limit, int depth) {
        switch (type) {
            case "uInt32", "uInt64" -> {
                return number(Varints.read(in, pos, limit, 10));
            }
            case "sInt32", "int32", "sInt64" -> {
                long n = Varints.read(in, pos, limit, 10);
                return number((n >>> 1) ^ -(n & 1));
            }
            case "float" -> {
                return Json.NODES.numberNode(Float.intBitsToFloat((int) littleEndian(4, limit)));
            }
            case "double" -> {
                return Json.NODES.numberNode(Double.longBitsToDouble(littleEndian(8, limit)));
            }
            case "string" -> {
                int len = length(limit);
                try {
                    String s = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(in, pos[0], len)).toString();
                    pos[0] += len;
                    return Json.NODES.stringNode(s);
                } catch (CharacterCodingException e) {
                    throw new ProtocolException("protobuf string is not UTF-8", e);
                }
            }
            default -> {
                MessageSchema m = schemas.messageType(scope, type);
                if (m == null) {
                    throw new ProtocolException("unknown protobuf message type " + type);
                }
                int len = length(limit);
                return readMessage(m, pos[0] + len, depth + 1);
            }
        }
    }

    private int length(int limit) {
        long len = Varints.read(in, pos, limit, 5);
        if (len > limit - pos[0]) {
            throw new ProtocolException("protobuf length " + len + " exceeds the input");
        }
        return (int) len;
    }

    private long littleEndian(int bytes, int limit) {
        if (limit - pos[0] < bytes) {
            throw new ProtocolException("truncated protobuf number");
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (in[pos[0]++] & 0xFF) << (8 * i);
        }
        return v;
    }

    private static JsonNode number(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE
                ? Json.NODES.numberNode((int) v) : Json.NODES.numberNode(v);
    }
}
