package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Turns outbound entries into frames (see {@link Frames}) in the writer's buffer. A message that
 * cannot be encoded (its type is not allowed) or whose frame would pass the maximum frame size is
 * dropped, counted and logged; it never stops the writer. Used under the writer's lock only.
 */
final class FrameEncoder {
    /** Room in the output buffer: flushes or grows it as needed and returns it. */
    interface Space {
        ByteBuffer ensure(int bytes) throws IOException;
    }

    private final Connection connection;
    private final Codec codec;
    private final PidFormat pids;
    private final int maxFrame;
    private final Counters counters;
    private int frameStart;

    FrameEncoder(Connection connection, Codec codec, PidFormat pids, int maxFrame, Counters counters) {
        this.connection = connection;
        this.codec = codec;
        this.pids = pids;
        this.maxFrame = maxFrame;
        this.counters = counters;
    }

    /** Appends {@code entry} as one frame; false if it was dropped (counted and logged). */
    boolean write(Outbound entry, Space space) throws IOException {
        ByteBuffer out;
        switch (entry.kind) {
            case Frames.SEND -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return false;
                out = begin(space, Frames.SEND, PidFormat.maxBytes(entry.to) + payload.remaining());
                pids.put(out, entry.to);
                out.put(payload);
            }
            case Frames.SEND_NAME -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return false;
                out = begin(space, Frames.SEND_NAME, Frames.maxStringBytes(entry.name) + payload.remaining());
                Frames.putString(out, entry.name);
                out.put(payload);
            }
            case Frames.LINK, Frames.UNLINK -> {
                out = begin(space, entry.kind, PidFormat.maxBytes(entry.from) + PidFormat.maxBytes(entry.to));
                pids.put(out, entry.from);
                pids.put(out, entry.to);
            }
            case Frames.EXIT -> {
                ByteBuffer reason = encodeReason((ExitReason) entry.value);
                out = begin(space, Frames.EXIT, PidFormat.maxBytes(entry.from) + PidFormat.maxBytes(entry.to) + 1 + reason.remaining());
                pids.put(out, entry.from);
                pids.put(out, entry.to);
                out.put((byte) (entry.viaLink ? 1 : 0));
                out.put(reason);
            }
            case Frames.MONITOR, Frames.DEMONITOR, Frames.DOWN -> {
                ByteBuffer reason = entry.kind == Frames.DOWN ? encodeReason((ExitReason) entry.value) : null;
                out = begin(space, entry.kind, 32 + Frames.maxStringBytes(entry.ref.node()) + PidFormat.maxBytes(entry.from)
                        + PidFormat.maxBytes(entry.to) + (reason == null ? 0 : reason.remaining()));
                pids.put(out, entry.ref);
                pids.put(out, entry.from);
                pids.put(out, entry.to);
                if (reason != null) out.put(reason);
            }
            case Frames.TICK -> out = begin(space, Frames.TICK, 0);
            case Frames.NODES -> out = writeNodes(entry, space);
            case Frames.CONTROL -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return false;
                out = begin(space, Frames.CONTROL, payload.remaining());
                out.put(payload);
            }
            default -> throw new IllegalStateException("unknown outbound kind " + entry.kind);
        }
        return end(out, entry);
    }

    @SuppressWarnings("unchecked")
    private ByteBuffer writeNodes(Outbound entry, Space space) throws IOException {
        Map<String, URI> nodes = (Map<String, URI>) entry.value;
        int bound = 2;
        for (var node : nodes.entrySet()) {
            bound += Frames.maxStringBytes(node.getKey()) + Frames.maxStringBytes(node.getValue().toString());
        }
        ByteBuffer out = begin(space, Frames.NODES, bound);
        out.putShort((short) nodes.size());
        for (var node : nodes.entrySet()) {
            Frames.putString(out, node.getKey());
            Frames.putString(out, node.getValue().toString());
        }
        return out;
    }

    private ByteBuffer encode(Object value, Outbound entry) {
        try {
            return codec.encode(value);
        } catch (CodecException e) {
            counters.dropped.increment();
            if (entry.kind == Frames.CONTROL) connection.node.peers().controlNotSent(value, e.getMessage());
            connection.node.warnRateLimited("encode:" + e.type(), "dropped a message to " + describe(entry) + ": "
                    + e.getMessage() + " (register message types with NodeOptions.withMessageTypes)", e);
            return null;
        }
    }

    /** A reason always crosses: one the codec refuses goes as its text. */
    private ByteBuffer encodeReason(ExitReason reason) {
        try {
            return codec.encode(reason);
        } catch (CodecException e) {
            return codec.encode(new ExitReason.Value(String.valueOf(reason)));
        }
    }

    private ByteBuffer begin(Space space, byte type, int maxBody) throws IOException {
        ByteBuffer out = space.ensure(Frames.HEADER + maxBody);
        frameStart = out.position();
        out.position(frameStart + 4);
        out.put(type);
        return out;
    }

    private boolean end(ByteBuffer out, Outbound entry) {
        int length = out.position() - frameStart - 4;
        if (length > maxFrame) {
            out.position(frameStart);
            counters.dropped.increment();
            connection.node.warnRateLimited("oversized", "dropped a frame of " + length + " bytes to " + describe(entry)
                    + ": larger than the maximum frame size " + maxFrame + " (NodeOptions.withMaxFrameSize)", null);
            return false;
        }
        out.putInt(frameStart, length);
        return true;
    }

    private String describe(Outbound entry) {
        return entry.to != null ? entry.to.toString() : entry.name != null ? "{" + entry.name + ", " + connection.peer + "}" : connection.peer;
    }
}
