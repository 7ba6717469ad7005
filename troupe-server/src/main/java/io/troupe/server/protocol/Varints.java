package io.troupe.server.protocol;

import java.io.ByteArrayOutputStream;

/** Base-128 varints, least significant group first, MSB = continuation (message ids and pomelo-protobuf). */
final class Varints {
    private Varints() {
    }

    static int size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    static int write(byte[] out, int offset, long value) {
        while ((value & ~0x7FL) != 0) {
            out[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[offset++] = (byte) value;
        return offset;
    }

    static void write(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Reads a varint of at most {@code maxBytes} bytes; the position is returned through {@code pos[0]}. */
    static long read(byte[] in, int[] pos, int limit, int maxBytes) {
        long value = 0;
        int shift = 0;
        int p = pos[0];
        for (int i = 0; i < maxBytes; i++) {
            if (p >= limit) {
                throw new ProtocolException("truncated varint");
            }
            int b = in[p++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                pos[0] = p;
                return value;
            }
            shift += 7;
        }
        throw new ProtocolException("varint longer than " + maxBytes + " bytes");
    }
}
