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
    /** The creator's reference plus one per pending {@link HybridConnector#writeAll} task. */
    private final java.util.concurrent.atomic.AtomicInteger refs = new java.util.concurrent.atomic.AtomicInteger(1);
    /** The same bytes as one unmasked binary WebSocket frame (server frames are never masked), built on first use. */
    private volatile ByteBuf webSocketFrame;

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
        if (refs.get() <= 0) {
            throw new IllegalStateException("frame closed");
        }
        return buf.retainedDuplicate();
    }

    /**
     * A new reference to the bytes framed as one WebSocket binary message: the header is encoded once
     * for every WebSocket link, which then writes these bytes as they are.
     */
    ByteBuf retainedWebSocketView() {
        if (refs.get() <= 0) {
            throw new IllegalStateException("frame closed");
        }
        ByteBuf framed = webSocketFrame;
        if (framed == null) {
            synchronized (this) { // short, non-blocking: builds a header once
                framed = webSocketFrame;
                if (framed == null) {
                    int length = buf.readableBytes();
                    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
                    framed = PooledByteBufAllocator.DEFAULT.directBuffer(header + length, header + length);
                    framed.writeByte(0x82); // FIN, binary
                    if (length < 126) {
                        framed.writeByte(length);
                    } else if (length <= 0xFFFF) {
                        framed.writeByte(126).writeShort(length);
                    } else {
                        framed.writeByte(127).writeLong(length);
                    }
                    framed.writeBytes(buf, buf.readerIndex(), length);
                    webSocketFrame = framed;
                }
            }
        }
        return framed.retainedDuplicate();
    }

    /** The buffer's reference count (tests). */
    int refCnt() {
        return buf.refCnt();
    }

    /** Releases the creator's reference; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Another holder of the bytes (a write task). */
    void retain() {
        refs.incrementAndGet();
    }

    /** Drops a holder's reference; the last one frees the buffers. */
    void release() {
        if (refs.decrementAndGet() == 0) {
            buf.release();
            synchronized (this) {
                ByteBuf framed = webSocketFrame;
                if (framed != null) {
                    framed.release();
                }
            }
        }
    }
}
