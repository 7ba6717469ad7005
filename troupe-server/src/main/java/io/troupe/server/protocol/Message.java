package io.troupe.server.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message of the pomelo message layer (the body of a DATA package):
 * {@code flag | [id varint] | [route] | body}. The flag holds bit 0 = compressed route, bits 1–3 = type and
 * bit 4 = gzip. A compressed route is a 2-byte big-endian dictionary code; a plain route is a 1-byte length and
 * at most 255 bytes of UTF-8.
 *
 * <p>This layer does not interpret the body (JSON or protobuf) and does not gunzip it; see {@link MessageCodec}.
 *
 * @param type the message type
 * @param id the request id for REQUEST/RESPONSE (≥ 0, below 2^31), 0 otherwise
 * @param route the route name when the type has a route and it is not compressed, otherwise null
 * @param routeCode the dictionary code (0..65535) when the route is compressed, otherwise −1
 * @param gzip the gzip bit of the flag
 * @param body the raw body, never null; not copied
 */
public record Message(MessageType type, int id, String route, int routeCode, boolean gzip, byte[] body) {
    private static final int ROUTE_COMPRESSED = 0x01;
    private static final int GZIP = 0x10;

    public Message {
        Objects.requireNonNull(type, "type");
        body = body == null ? new byte[0] : body;
        if (id < 0) {
            throw new IllegalArgumentException("negative message id " + id);
        }
        if (!type.hasId() && id != 0) {
            throw new IllegalArgumentException(type + " carries no id");
        }
        if (type.hasRoute()) {
            if (routeCode < -1 || routeCode > 0xFFFF) {
                throw new IllegalArgumentException("route code out of range: " + routeCode);
            }
            if ((routeCode >= 0) == (route != null)) {
                throw new IllegalArgumentException(type + " needs exactly one of route and route code");
            }
        } else if (route != null || routeCode != -1) {
            throw new IllegalArgumentException(type + " carries no route");
        }
    }

    public static Message request(int id, String route, byte[] body) {
        return new Message(MessageType.REQUEST, id, route, -1, false, body);
    }

    public static Message request(int id, int routeCode, byte[] body) {
        return new Message(MessageType.REQUEST, id, null, routeCode, false, body);
    }

    public static Message notify(String route, byte[] body) {
        return new Message(MessageType.NOTIFY, 0, route, -1, false, body);
    }

    public static Message notify(int routeCode, byte[] body) {
        return new Message(MessageType.NOTIFY, 0, null, routeCode, false, body);
    }

    public static Message response(int id, byte[] body) {
        return new Message(MessageType.RESPONSE, id, null, -1, false, body);
    }

    public static Message push(String route, byte[] body) {
        return new Message(MessageType.PUSH, 0, route, -1, false, body);
    }

    public static Message push(int routeCode, byte[] body) {
        return new Message(MessageType.PUSH, 0, null, routeCode, false, body);
    }

    /** Whether the route is a dictionary code. */
    public boolean compressRoute() {
        return routeCode >= 0;
    }

    /** The flag byte. */
    public int flag() {
        return type.code() << 1 | (compressRoute() ? ROUTE_COMPRESSED : 0) | (gzip ? GZIP : 0);
    }

    /** The encoded message (the body of a DATA package). */
    public byte[] encode() {
        return encodeInto(0);
    }

    /** The encoded message inside a whole DATA package: header included. */
    public byte[] encodePackage() {
        byte[] out = encodeInto(Package.HEADER_LENGTH);
        Package.writeHeader(out, 0, PackageType.DATA, out.length - Package.HEADER_LENGTH);
        return out;
    }

    private byte[] encodeInto(int headroom) {
        byte[] routeBytes = null;
        int length = 1 + body.length;
        if (type.hasId()) {
            length += Varints.size(id);
        }
        if (type.hasRoute()) {
            if (compressRoute()) {
                length += 2;
            } else {
                routeBytes = route.getBytes(StandardCharsets.UTF_8);
                if (routeBytes.length > 255) {
                    throw new IllegalArgumentException("route longer than 255 bytes: " + route);
                }
                length += 1 + routeBytes.length;
            }
        }
        byte[] out = new byte[headroom + length];
        int p = headroom;
        out[p++] = (byte) flag();
        if (type.hasId()) {
            p = Varints.write(out, p, id);
        }
        if (type.hasRoute()) {
            if (routeBytes == null) {
                out[p++] = (byte) (routeCode >>> 8);
                out[p++] = (byte) routeCode;
            } else {
                out[p++] = (byte) routeBytes.length;
                System.arraycopy(routeBytes, 0, out, p, routeBytes.length);
                p += routeBytes.length;
            }
        }
        System.arraycopy(body, 0, out, p, body.length);
        return out;
    }

    /**
     * Decodes a message.
     *
     * @throws ProtocolException if the buffer is empty or truncated, the type is unknown, or the id is 2^31 or more
     */
    public static Message decode(byte[] in) {
        if (in.length == 0) {
            throw new ProtocolException("empty message");
        }
        int flag = in[0] & 0xFF;
        MessageType type = MessageType.of(flag >> 1 & 0x7);
        if (type == null) {
            throw new ProtocolException("unknown message type " + (flag >> 1 & 0x7));
        }
        boolean compressed = (flag & ROUTE_COMPRESSED) != 0;
        int[] pos = {1};
        int id = 0;
        if (type.hasId()) {
            long v = Varints.read(in, pos, in.length, 5);
            if (v > Integer.MAX_VALUE) {
                throw new ProtocolException("message id too large: " + v);
            }
            id = (int) v;
        }
        String route = null;
        int routeCode = -1;
        int p = pos[0];
        if (type.hasRoute()) {
            if (compressed) {
                if (in.length - p < 2) {
                    throw new ProtocolException("truncated route code");
                }
                routeCode = (in[p] & 0xFF) << 8 | in[p + 1] & 0xFF;
                p += 2;
            } else {
                if (p >= in.length) {
                    throw new ProtocolException("truncated route");
                }
                int len = in[p++] & 0xFF;
                if (in.length - p < len) {
                    throw new ProtocolException("truncated route");
                }
                route = new String(in, p, len, StandardCharsets.UTF_8);
                p += len;
            }
        }
        byte[] body = Arrays.copyOfRange(in, p, in.length);
        return new Message(type, id, route, routeCode, (flag & GZIP) != 0, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.type == type && m.id == id && Objects.equals(m.route, route)
                && m.routeCode == routeCode && m.gzip == gzip && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, route, routeCode, gzip, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "Message[" + type + (type.hasId() ? " id=" + id : "")
                + (type.hasRoute() ? " route=" + (compressRoute() ? "#" + routeCode : route) : "")
                + (gzip ? " gzip" : "") + ", " + body.length + " bytes]";
    }
}
