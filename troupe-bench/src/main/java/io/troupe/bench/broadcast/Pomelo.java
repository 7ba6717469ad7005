package io.troupe.bench.broadcast;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The pomelo hybrid-connector framing, client side (the load client's own compact codec).
 * Package: {@code type(1) | body length(3, big-endian) | body}. A DATA package holds a message:
 * {@code flag(1) | [id varint: request, response] | [route: request, notify, push] | body}, flag
 * bits 1-3 = message type, bit 0 = compressed (2-byte) route.
 */
final class Pomelo {
    static final int HANDSHAKE = 1;
    static final int HANDSHAKE_ACK = 2;
    static final int HEARTBEAT = 3;
    static final int DATA = 4;
    static final int KICK = 5;

    static final int REQUEST = 0;
    static final int NOTIFY = 1;
    static final int RESPONSE = 2;
    static final int PUSH = 3;

    static final int HEADER = 4;

    private Pomelo() {
    }

    /** A package with a UTF-8 body (empty for ack and heartbeat). */
    static ByteBuf pkg(ByteBufAllocator alloc, int type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = alloc.buffer(HEADER + bytes.length);
        header(buf, type, bytes.length);
        return buf.writeBytes(bytes);
    }

    /** A DATA package holding a request ({@code id > 0}) or a notify ({@code id == 0}) with a raw route and JSON body. */
    static ByteBuf message(ByteBufAllocator alloc, int id, String route, String json) {
        byte[] r = route.getBytes(StandardCharsets.UTF_8);
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int idBytes = id > 0 ? varintSize(id) : 0;
        int length = 1 + idBytes + 1 + r.length + b.length;
        ByteBuf buf = alloc.buffer(HEADER + length);
        header(buf, DATA, length);
        buf.writeByte((id > 0 ? REQUEST : NOTIFY) << 1);
        if (id > 0) {
            int v = id;
            while (v >= 0x80) {
                buf.writeByte(v & 0x7F | 0x80);
                v >>>= 7;
            }
            buf.writeByte(v);
        }
        buf.writeByte(r.length).writeBytes(r);
        return buf.writeBytes(b);
    }

    private static void header(ByteBuf buf, int type, int length) {
        buf.writeByte(type).writeByte(length >>> 16).writeByte(length >>> 8).writeByte(length);
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) n++;
        return n;
    }

    /**
     * Offset of the body of the message in {@code buf[from, to)} (a DATA package's body), or -1 if
     * it is malformed. Sets nothing; callers read the type with {@link #messageType}.
     */
    static int messageBody(ByteBuf buf, int from, int to) {
        int flag = buf.getUnsignedByte(from);
        int type = messageType(flag);
        int i = from + 1;
        if (type == REQUEST || type == RESPONSE) {
            while (i < to && (buf.getByte(i) & 0x80) != 0) i++;
            i++;
        }
        if (type != RESPONSE) {
            if ((flag & 1) != 0) i += 2;
            else if (i < to) i += 1 + buf.getUnsignedByte(i);
        }
        return i <= to ? i : -1;
    }

    static int messageType(int flag) {
        return flag >> 1 & 0x7;
    }

    /** The first number after {@code "key":} in {@code json}, or {@code fallback}. */
    static int jsonInt(String json, String key, int fallback) {
        int at = json.indexOf("\"" + key + "\":");
        if (at < 0) return fallback;
        int i = at + key.length() + 3;
        int end = i;
        while (end < json.length() && Character.isDigit(json.charAt(end))) end++;
        return end > i ? Integer.parseInt(json.substring(i, end)) : fallback;
    }
}
