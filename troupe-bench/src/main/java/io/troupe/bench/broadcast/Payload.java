package io.troupe.bench.broadcast;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The 100-byte broadcast message: {@code #T}, the sender's {@link System#nanoTime()} as 16 hex
 * digits, then {@code x} padding. Sender and receivers share one JVM, so receive time minus this
 * timestamp is the delivery latency.
 */
final class Payload {
    static final int SIZE = 100;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Payload() {
    }

    /** The message text for a send at {@code nanoTime}. */
    static String text(long nanoTime) {
        byte[] bytes = new byte[SIZE];
        bytes[0] = '#';
        bytes[1] = 'T';
        for (int i = 0; i < 16; i++) bytes[2 + i] = HEX[(int) (nanoTime >>> (60 - 4 * i)) & 0xF];
        for (int i = 18; i < SIZE; i++) bytes[i] = 'x';
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * The timestamp of the first payload in {@code buf[from, to)}, or {@link Long#MIN_VALUE} if
     * there is none.
     */
    static long timestamp(ByteBuf buf, int from, int to) {
        for (int i = from; i + 18 <= to; i++) {
            if (buf.getByte(i) != '#' || buf.getByte(i + 1) != 'T') continue;
            long value = 0;
            for (int d = 0; d < 16; d++) {
                int c = buf.getByte(i + 2 + d);
                int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (nibble < 0) return Long.MIN_VALUE;
                value = value << 4 | nibble;
            }
            return value;
        }
        return Long.MIN_VALUE;
    }
}
