package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: the one writer of a connection. It drains the outbound queue, encodes each entry as a
 * frame into one buffer, and writes the buffer with one call when the queue runs dry or the buffer
 * passes FLUSH_AT: under load hundreds of messages go out per write (a write costs ~3.5 us on the
 * build machine; the encoding of a small message ~0.1 us). It parks only when there is nothing to
 * do; then a sender whose message comes after a pause writes it itself if the socket takes it at
 * once (writeDirectOrWake): one thread wake-up less per message at low load (latency), while a
 * stream of sends still goes through the writer in batches (throughput). A sender never blocks. A message that cannot be encoded (type not allowed) or is larger than the maximum frame is
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
    private static final int DIRECT_BUDGET = 64;
    /** Sends closer together than this go through the writer, which batches them. */
    private static final long DIRECT_GAP_NANOS = 20_000;

    private final ReentrantLock lock = new ReentrantLock(); // the consumer role: the writer thread or a direct sender
    private boolean blocking = true;                        // the mode of the current drain; guarded by lock
    private ByteBuffer out;                                  // write mode; guarded by lock
    private int frameStart;
    private long frames;
    private volatile long lastDirect;                        // when a sender last wrote directly

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
                lock.lock();
                try {
                    drain(true);
                } finally {
                    lock.unlock();
                }
                if ((connection.isClosed() || connection.isClosing()) && queue.isEmpty()) break;
                queue.await();
            }
        } catch (IOException | RuntimeException e) {
            connection.fail("writing to " + connection.peer + " failed: " + e, true);
        }
        lock.lock();
        try {
            for (Outbound left = queue.poll(); left != null; left = queue.poll()) counters.dropped.increment();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The fast path for a sender that found the writer parked: it writes its message (and what else
     * is queued, up to DIRECT_BUDGET entries) itself, without blocking: whatever the socket does not
     * take at once is left to the writer, which it then wakes. One thread hand-off less per message
     * at low load; at high load the writer is awake and senders only queue.
     */
    void writeDirectOrWake() {
        OutboundQueue queue = connection.queue;
        long now = System.nanoTime();
        if (now - lastDirect < DIRECT_GAP_NANOS || !wire.canTryWrite() || !lock.tryLock()) {
            queue.wake(); // a stream of sends: the writer batches them
            return;
        }
        lastDirect = now;
        boolean handOff = true;
        try {
            blocking = false;
            drain(false);
            handOff = out.position() > 0 || !queue.isEmpty();
        } catch (IOException | RuntimeException e) {
            connection.fail("writing to " + connection.peer + " failed: " + e, true);
        } finally {
            blocking = true;
            lock.unlock();
        }
        if (handOff) queue.wake();
    }

    /** Encodes and writes queued entries; blocking: until the queue is empty and all is written. */
    private void drain(boolean block) throws IOException {
        OutboundQueue queue = connection.queue;
        int budget = block ? Integer.MAX_VALUE : DIRECT_BUDGET;
        while (true) {
            Outbound entry = budget > 0 ? queue.poll() : null;
            if (entry != null) {
                budget--;
                write(entry);
                if (out.position() >= FLUSH_AT && !flush() && !block) return;
            } else if (out.position() > 0) {
                if (!flush() || budget <= 0) return;
            } else if (block && !queue.isEmpty()) {
                Thread.onSpinWait(); // a sender is between its exchange and its link
            } else {
                return;
            }
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
            if (needed > out.remaining()) {
                ByteBuffer bigger = wire.allocate(out.position() + needed);
                out.flip();
                out = bigger.put(out);
            }
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

    /** Writes the buffer: all of it when blocking, else what the socket takes now. Returns whether all went. */
    private boolean flush() throws IOException {
        out.flip();
        int before = out.remaining();
        if (blocking) wire.write(out); else wire.tryWrite(out);
        int written = before - out.remaining();
        boolean all = !out.hasRemaining();
        out.compact();
        if (written > 0) {
            connection.lastWrite = System.nanoTime();
            counters.writes.increment();
            counters.bytesSent.add(written);
            counters.framesSent.add(frames);
            frames = 0;
        }
        if (all && out.capacity() > BUFFER) out = wire.allocate(BUFFER);
        return all;
    }

    private String describe(Outbound entry) {
        return entry.to != null ? entry.to.toString() : entry.name != null ? "{" + entry.name + ", " + connection.peer + "}" : connection.peer;
    }
}
