package io.troupe.server.internal.connector;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * A package encoded once and written to many links ({@link ClientLink#write}): a channel push is encoded on the
 * sender's thread, then every receiver gets a reference-counted view of the same direct buffer.
 *
 * <p>Thread-safe. The creator owns one reference and must {@link #close()} the frame when done handing it to
 * links (try-with-resources); each link keeps its own reference until the bytes are written.
 */
public final class EncodedFrame implements AutoCloseable {
    private final ByteBuf buf;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EncodedFrame(ByteBuf buf) {
        this.buf = buf;
    }

    /**
     * Encodes a PUSH with the connector's codec (route compression, protobuf).
     *
     * @throws IllegalArgumentException if the body does not fit the route's proto
     */
    public static EncodedFrame push(ConnectorConfig config, String route, JsonNode body) {
        return ofPackage(config.codec().encodePush(route, body));
    }

    /** A frame of one or more whole packages, already encoded. */
    public static EncodedFrame ofPackage(byte[] packageBytes) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(packageBytes.length, packageBytes.length);
        b.writeBytes(packageBytes);
        return new EncodedFrame(b);
    }

    /** The encoded size in bytes. */
    public int size() {
        return buf.readableBytes();
    }

    /** A new reference to the bytes, with its own indices. @throws IllegalStateException after close */
    ByteBuf retainedView() {
        if (closed.get()) {
            throw new IllegalStateException("frame closed");
        }
        return buf.retainedDuplicate();
    }

    /** The buffer's reference count (tests). */
    int refCnt() {
        return buf.refCnt();
    }

    /** Releases the creator's reference; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buf.release();
        }
    }
}
