package io.troupe.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Encodes JSON to pomelo-protobuf (see {@link ProtoSchemas} for the rules). Single use, not thread-safe. */
final class ProtobufWriter {
    private final ProtoSchemas schemas;

    ProtobufWriter(ProtoSchemas schemas) {
        this.schemas = schemas;
    }

    byte[] encode(MessageSchema schema, JsonNode body, String where) {
        check(schema, body, where, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writeMessage(out, schema, body, where);
        return out.toByteArray();
    }

    /** pomelo-protobuf's checkMsg: required fields present, nested messages valid. */
    private void check(MessageSchema schema, JsonNode msg, String where, int depth) {
        if (msg == null || !msg.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        if (depth > ProtoSchemas.MAX_DEPTH) {
            throw new IllegalArgumentException(where + ": nested too deeply");
        }
        for (MessageSchema.Field f : schema.fields().values()) {
            JsonNode v = present(msg.get(f.name()));
            String path = where + "." + f.name();
            if (v == null) {
                if (f.required()) {
                    throw new IllegalArgumentException(path + ": required field missing");
                }
                continue;
            }
            MessageSchema type = MessageSchema.isSimple(f.type()) || f.type().equals("string")
                    ? null : messageType(schema, f.type(), path);
            if (f.repeated()) {
                if (!v.isArray()) {
                    throw new IllegalArgumentException(path + ": repeated field needs an array");
                }
                if (type != null) {
                    for (JsonNode e : v.values()) {
                        check(type, e, path + "[]", depth + 1);
                    }
                }
            } else if (type != null) {
                check(type, v, path, depth + 1);
            }
        }
    }

    private MessageSchema messageType(MessageSchema scope, String type, String path) {
        MessageSchema m = schemas.messageType(scope, type);
        if (m == null) {
            throw new IllegalArgumentException(path + ": unknown type " + type);
        }
        return m;
    }

    private static JsonNode present(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private void writeMessage(ByteArrayOutputStream out, MessageSchema schema, JsonNode msg, String where) {
        for (Map.Entry<String, JsonNode> e : msg.properties()) {
            MessageSchema.Field f = schema.fields().get(e.getKey());
            JsonNode v = present(e.getValue());
            if (f == null || v == null) {
                continue;
            }
            String path = where + "." + f.name();
            int key = f.tag() << 3 | MessageSchema.wireType(f.type());
            if (!f.repeated()) {
                Varints.write(out, key);
                writeValue(out, schema, f.type(), v, path);
            } else if (!v.isEmpty()) {
                if (MessageSchema.isSimple(f.type())) {
                    Varints.write(out, key);
                    Varints.write(out, v.size());
                    for (JsonNode e2 : v.values()) {
                        writeValue(out, schema, f.type(), e2, path);
                    }
                } else {
                    for (JsonNode e2 : v.values()) {
                        Varints.write(out, key);
                        writeValue(out, schema, f.type(), e2, path);
                    }
                }
            }
        }
    }

    private void writeValue(ByteArrayOutputStream out, MessageSchema scope, String type, JsonNode v, String path) {
        switch (type) {
            case "uInt32", "uInt64" -> {
                long n = integer(v, path);
                if (n < 0) {
                    throw new IllegalArgumentException(path + ": negative value for " + type);
                }
                Varints.write(out, n);
            }
            case "sInt32", "int32", "sInt64" -> {
                long n = integer(v, path);
                Varints.write(out, n < 0 ? -n * 2 - 1 : n * 2);
            }
            case "float" -> {
                int bits = Float.floatToIntBits((float) number(v, path));
                for (int i = 0; i < 4; i++) {
                    out.write(bits >>> (8 * i));
                }
            }
            case "double" -> {
                long bits = Double.doubleToLongBits(number(v, path));
                for (int i = 0; i < 8; i++) {
                    out.write((int) (bits >>> (8 * i)));
                }
            }
            case "string" -> {
                if (!v.isString()) {
                    throw new IllegalArgumentException(path + ": expected a string");
                }
                byte[] b = v.stringValue().getBytes(StandardCharsets.UTF_8);
                Varints.write(out, b.length);
                out.writeBytes(b);
            }
            default -> {
                MessageSchema m = messageType(scope, type, path);
                ByteArrayOutputStream inner = new ByteArrayOutputStream(32);
                writeMessage(inner, m, v, path);
                Varints.write(out, inner.size());
                out.writeBytes(inner.toByteArray());
            }
        }
    }

    private static long integer(JsonNode v, String path) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return (long) v.doubleValue();
        }
        throw new IllegalArgumentException(path + ": expected a number");
    }

    private static double number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number");
        }
        return v.doubleValue();
    }
}
