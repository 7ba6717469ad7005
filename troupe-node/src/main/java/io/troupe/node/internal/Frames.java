package io.troupe.node.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/*
 * The wire format. Every frame is
 *
 *     +----------------+------+----------------------+
 *     | length: int32  | type | body: length-1 bytes |
 *     +----------------+------+----------------------+
 *
 * big-endian, length counting the type byte and the body, at most NodeOptions.maxFrameSize.
 * Handshake frames come first (see Handshake), then data frames:
 *
 *     SEND       to:pid payload                      DEMONITOR  ref watcher:pid target:pid
 *     SEND_NAME  name:str payload                    DOWN       ref watcher:pid target:pid reason
 *     LINK       from:pid to:pid                     TICK       (empty: heartbeat)
 *     UNLINK     from:pid to:pid                     NODES      count:u16 (node:str address:str)*
 *     EXIT       from:pid to:pid viaLink:u8 reason   CONTROL    payload (a control record)
 *     MONITOR    ref watcher:pid target:pid
 *
 * payload and reason are codec bytes up to the end of the frame. str is u16 length + UTF-8.
 * Pids and refs are compressed against the two ends of the connection (see PidFormat).
 */
final class Frames {
    static final byte HELLO = 1;
    static final byte CHALLENGE = 2;
    static final byte PROOF = 3;
    static final byte ACCEPT = 4;
    static final byte REFUSE = 5;

    static final byte SEND = 16;
    static final byte SEND_NAME = 17;
    static final byte LINK = 18;
    static final byte UNLINK = 19;
    static final byte EXIT = 20;
    static final byte MONITOR = 21;
    static final byte DEMONITOR = 22;
    static final byte DOWN = 23;
    static final byte TICK = 24;
    static final byte NODES = 25;
    static final byte CONTROL = 26;

    /** The length field and the type byte. */
    static final int HEADER = 5;

    private Frames() {
    }

    static String typeName(byte type) {
        return switch (type) {
            case HELLO -> "HELLO";
            case CHALLENGE -> "CHALLENGE";
            case PROOF -> "PROOF";
            case ACCEPT -> "ACCEPT";
            case REFUSE -> "REFUSE";
            case SEND -> "SEND";
            case SEND_NAME -> "SEND_NAME";
            case LINK -> "LINK";
            case UNLINK -> "UNLINK";
            case EXIT -> "EXIT";
            case MONITOR -> "MONITOR";
            case DEMONITOR -> "DEMONITOR";
            case DOWN -> "DOWN";
            case TICK -> "TICK";
            case NODES -> "NODES";
            case CONTROL -> "CONTROL";
            default -> "unknown type " + (type & 0xff);
        };
    }

    static void putVarLong(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    static long getVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) return value;
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /** The most bytes {@link #putString} writes for {@code text}. */
    static int maxStringBytes(String text) {
        return 2 + text.length() * 3;
    }

    static void putString(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) throw new IllegalArgumentException("string of " + bytes.length + " bytes is too long");
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    static String getString(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) throw new IllegalArgumentException("string past the end of the frame");
        String text;
        if (in.hasArray()) {
            text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        } else {
            byte[] bytes = new byte[length];
            in.get(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }
}
