package io.troupe.server.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One package of the pomelo package layer: {@code type (1 byte) | body length (3 bytes, big-endian) | body}.
 *
 * @param type the package type
 * @param body the body, never null (empty for ACK and HEARTBEAT); not copied, so callers must not mutate it
 */
public record Package(PackageType type, byte[] body) {
    /** Length of the package header. */
    public static final int HEADER_LENGTH = 4;
    /** The largest body the 3-byte length can express (2^24 − 1). */
    public static final int MAX_BODY_LENGTH = 0xFF_FFFF;

    public Package {
        Objects.requireNonNull(type, "type");
        body = body == null ? new byte[0] : body;
        if (body.length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("package body of " + body.length + " bytes exceeds " + MAX_BODY_LENGTH);
        }
    }

    /** A package with an empty body. */
    public static Package of(PackageType type) {
        return new Package(type, new byte[0]);
    }

    /** This package on the wire: header and body. */
    public byte[] encode() {
        return encode(type, body);
    }

    /** Encodes a package of {@code type} around {@code body} (null = empty). */
    public static byte[] encode(PackageType type, byte[] body) {
        int length = body == null ? 0 : body.length;
        byte[] out = new byte[HEADER_LENGTH + length];
        writeHeader(out, 0, type, length);
        if (length > 0) {
            System.arraycopy(body, 0, out, HEADER_LENGTH, length);
        }
        return out;
    }

    /** Writes a 4-byte header at {@code offset} of {@code out}. */
    public static void writeHeader(byte[] out, int offset, PackageType type, int bodyLength) {
        if (bodyLength < 0 || bodyLength > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("package body length out of range: " + bodyLength);
        }
        out[offset] = (byte) type.code();
        out[offset + 1] = (byte) (bodyLength >>> 16);
        out[offset + 2] = (byte) (bodyLength >>> 8);
        out[offset + 3] = (byte) bodyLength;
    }

    /** The body length stored in the header at {@code offset}. */
    public static int readBodyLength(byte[] in, int offset) {
        return (in[offset + 1] & 0xFF) << 16 | (in[offset + 2] & 0xFF) << 8 | in[offset + 3] & 0xFF;
    }

    /**
     * Decodes a buffer that holds whole packages only (one WebSocket message may carry several).
     *
     * @throws ProtocolException on an unknown type, a truncated package or a body longer than {@code maxBodyLength}
     */
    public static List<Package> decodeAll(byte[] in, int maxBodyLength) {
        List<Package> out = new ArrayList<>(1);
        int offset = 0;
        while (offset < in.length) {
            if (in.length - offset < HEADER_LENGTH) {
                throw new ProtocolException("truncated package header");
            }
            PackageType type = PackageType.of(in[offset] & 0xFF);
            if (type == null) {
                throw new ProtocolException("unknown package type " + (in[offset] & 0xFF));
            }
            int length = readBodyLength(in, offset);
            if (length > maxBodyLength) {
                throw new ProtocolException("package body of " + length + " bytes exceeds the limit of " + maxBodyLength);
            }
            if (in.length - offset - HEADER_LENGTH < length) {
                throw new ProtocolException("truncated package body");
            }
            byte[] body = new byte[length];
            System.arraycopy(in, offset + HEADER_LENGTH, body, 0, length);
            out.add(new Package(type, body));
            offset += HEADER_LENGTH + length;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Package p && p.type == type && java.util.Arrays.equals(p.body, body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Package[" + type + ", " + body.length + " bytes]";
    }
}
