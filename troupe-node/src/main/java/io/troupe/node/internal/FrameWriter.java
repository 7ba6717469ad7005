package io.troupe.node.internal;

import io.troupe.node.spi.Codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: the one writer of a connection. It drains the outbound queue, encodes each entry as a
 * frame into one buffer, and writes the buffer with one call when the queue runs dry or the buffer
 * passes FLUSH_AT: under load hundreds of messages go out per write (a write costs ~3.5 us on the
 * build machine; the encoding of a small message ~0.1 us). It parks only when there is nothing to
 * do; then a sender whose message comes after a pause writes it itself if the socket takes it at
 * once (writeDirectOrWake): one thread wake-up less per message at low load (latency), while a
 * stream of sends still goes through the writer in batches (throughput). A sender never blocks.
 * FrameEncoder turns each entry into a frame. A message that cannot be encoded (type not allowed) or is larger than the maximum frame is
 * dropped, counted and logged; it never stops the writer. An I/O error fails the connection.
 */
final class FrameWriter implements Runnable {
    private static final int BUFFER = 64 * 1024;
    private static final int FLUSH_AT = 48 * 1024;

    private final Connection connection;
    private final Wire wire;
    private final FrameEncoder encoder;
    private final FrameEncoder.Space space = this::ensure;
    private final Counters counters;
    private static final int DIRECT_BUDGET = 64;
    /** Sends closer together than this go through the writer, which batches them. */
    private static final long DIRECT_GAP_NANOS = 20_000;

    private final ReentrantLock lock = new ReentrantLock(); // the consumer role: the writer thread or a direct sender
    private boolean blocking = true;                        // the mode of the current drain; guarded by lock
    private ByteBuffer out;                                  // write mode; guarded by lock
    private long frames;
    private volatile long lastDirect;                        // when a sender last wrote directly

    FrameWriter(Connection connection, Wire wire, Codec codec, PidFormat pids, int maxFrame, Counters counters) {
        this.connection = connection;
        this.wire = wire;
        this.encoder = new FrameEncoder(connection, codec, pids, maxFrame, counters);
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
                if (encoder.write(entry, space)) frames++;
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

    /** The buffer, with room for {@code needed} more bytes: flushed first if need be, else grown. */
    private ByteBuffer ensure(int needed) throws IOException {
        if (needed > out.remaining()) {
            flush();
            if (needed > out.remaining()) {
                ByteBuffer bigger = wire.allocate(out.position() + needed);
                out.flip();
                out = bigger.put(out);
            }
        }
        return out;
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

}
