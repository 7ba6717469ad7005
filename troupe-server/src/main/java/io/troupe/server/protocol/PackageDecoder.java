package io.troupe.server.protocol;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Incremental decoder of a package stream (raw TCP): feed it chunks as they arrive and it emits each complete package.
 * A header is validated as soon as its four bytes are in, so an unknown type or an oversized length is rejected
 * before any of the body is buffered. Not thread-safe; one instance per stream. After a {@link ProtocolException}
 * the stream is unusable.
 */
public final class PackageDecoder {
    private final int maxBodyLength;
    private final byte[] header = new byte[Package.HEADER_LENGTH];
    private int headerFill;
    private PackageType type;
    private byte[] body;
    private int bodyFill;

    /** @param maxBodyLength the largest body accepted, at most {@link Package#MAX_BODY_LENGTH} */
    public PackageDecoder(int maxBodyLength) {
        if (maxBodyLength < 0 || maxBodyLength > Package.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("maxBodyLength out of range: " + maxBodyLength);
        }
        this.maxBodyLength = maxBodyLength;
    }

    /** Consumes all of {@code in}, passing every completed package to {@code sink} in order. */
    public void feed(ByteBuffer in, Consumer<Package> sink) {
        while (true) {
            if (body == null) {
                if (!in.hasRemaining()) {
                    return;
                }
                int n = Math.min(in.remaining(), Package.HEADER_LENGTH - headerFill);
                in.get(header, headerFill, n);
                headerFill += n;
                if (headerFill < Package.HEADER_LENGTH) {
                    return;
                }
                type = PackageType.of(header[0] & 0xFF);
                if (type == null) {
                    throw new ProtocolException("unknown package type " + (header[0] & 0xFF));
                }
                int length = Package.readBodyLength(header, 0);
                if (length > maxBodyLength) {
                    throw new ProtocolException("package body of " + length + " bytes exceeds the limit of " + maxBodyLength);
                }
                body = new byte[length];
                bodyFill = 0;
            }
            int n = Math.min(in.remaining(), body.length - bodyFill);
            in.get(body, bodyFill, n);
            bodyFill += n;
            if (bodyFill == body.length) {
                Package p = new Package(type, body);
                body = null;
                headerFill = 0;
                sink.accept(p);
            } else {
                return;
            }
        }
    }

    /** Whether a package is partly received. */
    public boolean hasPartialPackage() {
        return headerFill > 0;
    }
}
