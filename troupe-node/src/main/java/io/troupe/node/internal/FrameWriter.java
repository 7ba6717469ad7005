package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;

/*
 * Overview: the one writer of a connection. It drains the outbound queue, encodes each entry as a
 * frame into one buffer, and writes the buffer with one call when the queue runs dry or the buffer
 * passes FLUSH_AT: under load hundreds of messages go out per write (a write costs ~3.5 us on the
 * build machine; the encoding of a small message ~0.1 us). It parks only when there is nothing to
 * do. A message that cannot be encoded (type not allowed) or is larger than the maximum frame is
 * dropped, counted and logged; it never stops the writer. An I/O error fails the connection.
 */
final class FrameWriter implements Runnable {
    private static final int BUFFER = 64 * 1024;
    private static final int FLUSH_AT = 48 * 1024;

    private final Connection connection;
    private final Wire wire;
    private final Codec codec;
    private final PidFormat pids;
    private final int maxFrame;
    private final Counters counters;
    private ByteBuffer out;
    private int frameStart;
    private long frames;

    FrameWriter(Connection connection, Wire wire, Codec codec, PidFormat pids, int maxFrame, Counters counters) {
        this.connection = connection;
        this.wire = wire;
        this.codec = codec;
        this.pids = pids;
        this.maxFrame = maxFrame;
        this.counters = counters;
        this.out = wire.allocate(BUFFER);
    }

    @Override
    public void run() {
        OutboundQueue queue = connection.queue;
        try {
            while (true) {
                Outbound entry = queue.poll();
                if (entry != null) {
                    write(entry);
                    if (out.position() >= FLUSH_AT) flush();
                } else if (out.position() > 0) {
                    flush();
                } else if (!queue.isEmpty()) {
                    Thread.onSpinWait(); // a sender is between its exchange and its link
                } else if (connection.isClosed() || connection.isClosing()) {
                    break;
                } else {
                    queue.await();
                }
            }
        } catch (IOException | RuntimeException e) {
            connection.fail("writing to " + connection.peer + " failed: " + e, true);
        }
        for (Outbound left = queue.poll(); left != null; left = queue.poll()) {
            counters.dropped.increment();
        }
    }

    private void write(Outbound entry) throws IOException {
        switch (entry.kind) {
            case Frames.SEND -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return;
                begin(Frames.SEND, PidFormat.maxBytes(entry.to) + payload.remaining());
                pids.put(out, entry.to);
                out.put(payload);
            }
            case Frames.SEND_NAME -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return;
                begin(Frames.SEND_NAME, Frames.maxStringBytes(entry.name) + payload.remaining());
                Frames.putString(out, entry.name);
                out.put(payload);
            }
            case Frames.LINK, Frames.UNLINK -> {
                begin(entry.kind, PidFormat.maxBytes(entry.from) + PidFormat.maxBytes(entry.to));
                pids.put(out, entry.from);
                pids.put(out, entry.to);
            }
            case Frames.EXIT -> {
                ByteBuffer reason = encodeReason((ExitReason) entry.value);
                begin(Frames.EXIT, PidFormat.maxBytes(entry.from) + PidFormat.maxBytes(entry.to) + 1 + reason.remaining());
                pids.put(out, entry.from);
                pids.put(out, entry.to);
                out.put((byte) (entry.viaLink ? 1 : 0));
                out.put(reason);
            }
            case Frames.MONITOR, Frames.DEMONITOR, Frames.DOWN -> {
                ByteBuffer reason = entry.kind == Frames.DOWN ? encodeReason((ExitReason) entry.value) : null;
                begin(entry.kind, 32 + Frames.maxStringBytes(entry.ref.node()) + PidFormat.maxBytes(entry.from)
                        + PidFormat.maxBytes(entry.to) + (reason == null ? 0 : reason.remaining()));
                pids.put(out, entry.ref);
                pids.put(out, entry.from);
                pids.put(out, entry.to);
                if (reason != null) out.put(reason);
            }
            case Frames.TICK -> begin(Frames.TICK, 0);
            case Frames.NODES -> writeNodes(entry);
            case Frames.CONTROL -> {
                ByteBuffer payload = encode(entry.value, entry);
                if (payload == null) return;
                begin(Frames.CONTROL, payload.remaining());
                out.put(payload);
            }
            default -> throw new IllegalStateException("unknown outbound kind " + entry.kind);
        }
        end(entry);
    }

    @SuppressWarnings("unchecked")
    private void writeNodes(Outbound entry) throws IOException {
        Map<String, URI> nodes = (Map<String, URI>) entry.value;
        int bound = 2;
        for (var node : nodes.entrySet()) {
            bound += Frames.maxStringBytes(node.getKey()) + Frames.maxStringBytes(node.getValue().toString());
        }
        begin(Frames.NODES, bound);
        out.putShort((short) nodes.size());
        for (var node : nodes.entrySet()) {
            Frames.putString(out, node.getKey());
            Frames.putString(out, node.getValue().toString());
        }
    }

    private ByteBuffer encode(Object value, Outbound entry) {
        try {
            return codec.encode(value);
        } catch (CodecException e) {
            counters.dropped.increment();
            if (entry.kind == Frames.CONTROL) connection.node.controlNotSent(value, e.getMessage());
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

    private void begin(byte type, int maxBody) throws IOException {
        int needed = Frames.HEADER + maxBody;
        if (needed > out.remaining()) {
            flush();
            if (needed > out.capacity()) out = wire.allocate(needed);
        }
        frameStart = out.position();
        out.position(frameStart + 4);
        out.put(type);
    }

    private void end(Outbound entry) {
        int length = out.position() - frameStart - 4;
        if (length > maxFrame) {
            out.position(frameStart);
            counters.dropped.increment();
            connection.node.warnRateLimited("oversized", "dropped a frame of " + length + " bytes to " + describe(entry)
                    + ": larger than the maximum frame size " + maxFrame + " (NodeOptions.withMaxFrameSize)", null);
            return;
        }
        out.putInt(frameStart, length);
        frames++;
    }

    private void flush() throws IOException {
        int bytes = out.position();
        out.flip();
        wire.write(out);
        out.clear();
        if (out.capacity() > BUFFER) out = wire.allocate(BUFFER);
        connection.lastWrite = System.nanoTime();
        counters.writes.increment();
        counters.bytesSent.add(bytes);
        counters.framesSent.add(frames);
        frames = 0;
    }

    private String describe(Outbound entry) {
        return entry.to != null ? entry.to.toString() : entry.name != null ? "{" + entry.name + ", " + connection.peer + "}" : connection.peer;
    }
}
