package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;
import io.troupe.spi.RuntimeEndpoint;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/*
 * Overview: the one reader of a connection. It reads as much as the socket has into one buffer and
 * handles every complete frame in it, in order, on this thread: messages and signals go straight
 * into the runtime through its RuntimeEndpoint (non-blocking), so the order of frames is the order
 * of delivery. A frame whose length is out of bounds ends the connection (the stream cannot be
 * resynchronised); a frame that cannot be decoded (unknown type, malformed bytes) is skipped,
 * counted and logged, and reading goes on.
 */
final class FrameReader implements Runnable {
    private static final int BUFFER = 256 * 1024;

    private final Connection connection;
    private final Wire wire;
    private final Codec codec;
    private final PidFormat pids;
    private final RuntimeEndpoint endpoint;
    private final int maxFrame;
    private final Counters counters;
    private ByteBuffer in;

    FrameReader(Connection connection, Wire wire, Codec codec, PidFormat pids, RuntimeEndpoint endpoint,
                int maxFrame, Counters counters, ByteBuffer leftover) {
        this.connection = connection;
        this.wire = wire;
        this.codec = codec;
        this.pids = pids;
        this.endpoint = endpoint;
        this.maxFrame = maxFrame;
        this.counters = counters;
        this.in = wire.allocate(Math.max(BUFFER, leftover.position()));
        leftover.flip();
        this.in.put(leftover);
    }

    @Override
    public void run() {
        try {
            boolean first = in.position() > 0;
            while (true) {
                if (!first) {
                    int n = wire.read(in);
                    if (n < 0) {
                        connection.fail("connection closed by " + connection.peer, false);
                        return;
                    }
                    counters.bytesReceived.add(n);
                }
                first = false;
                connection.lastRead = System.nanoTime();
                if (!handleFrames()) return;
            }
        } catch (IOException | RuntimeException e) {
            connection.fail("reading from " + connection.peer + " failed: " + e, true);
        }
    }

    /** Handles the complete frames in the buffer; false if the connection must end. */
    private boolean handleFrames() {
        in.flip();
        long frames = 0;
        int needed = 0;
        while (in.remaining() >= 4) {
            int start = in.position();
            int length = in.getInt(start);
            if (length < 1 || length > maxFrame) {
                connection.node.log().error("node {} sent a frame of {} bytes, outside 1..{} (the maximum frame size); "
                        + "closing the connection", connection.peer, length, maxFrame);
                connection.fail("frame size " + length + " out of bounds", false);
                return false;
            }
            if (in.remaining() - 4 < length) {
                needed = 4 + length;
                break;
            }
            int end = start + 4 + length;
            int limit = in.limit();
            in.limit(end).position(start + Frames.HEADER);
            handle(in.get(start + 4));
            in.limit(limit).position(end);
            frames++;
        }
        counters.framesReceived.add(frames);
        in.compact();
        if (needed > in.capacity()) {
            ByteBuffer bigger = wire.allocate(needed);
            in.flip();
            bigger.put(in);
            in = bigger;
        } else if (needed == 0 && in.position() == 0 && in.capacity() > BUFFER) {
            in = wire.allocate(BUFFER);
        }
        return true;
    }

    private void handle(byte type) {
        try {
            switch (type) {
                case Frames.SEND -> {
                    Pid to = pids.get(in);
                    endpoint.deliver(to, codec.decode(in));
                }
                case Frames.SEND_NAME -> {
                    String name = Frames.getString(in);
                    Object message = codec.decode(in);
                    if (!endpoint.deliver(name, message)) connection.node.droppedToName(name, connection.peer);
                }
                case Frames.LINK -> endpoint.linkFromRemote(pids.get(in), pids.get(in));
                case Frames.UNLINK -> endpoint.unlinkFromRemote(pids.get(in), pids.get(in));
                case Frames.EXIT -> {
                    Pid from = pids.get(in);
                    Pid to = pids.get(in);
                    boolean viaLink = in.get() != 0;
                    endpoint.exitFromRemote(from, to, reason(), viaLink);
                }
                case Frames.MONITOR -> endpoint.monitorFromRemote(pids.getRef(in), pids.get(in), pids.get(in));
                case Frames.DEMONITOR -> {
                    Ref ref = pids.getRef(in);
                    pids.get(in);
                    endpoint.demonitorFromRemote(ref, pids.get(in));
                }
                case Frames.DOWN -> {
                    Ref ref = pids.getRef(in);
                    Pid watcher = pids.get(in);
                    Pid target = pids.get(in);
                    endpoint.downFromRemote(ref, watcher, target, reason());
                }
                case Frames.TICK -> {
                    // liveness only
                }
                case Frames.NODES -> connection.node.peers().learnNodes(readNodes(), connection);
                case Frames.CONTROL -> connection.node.peers().control(connection, codec.decode(in));
                default -> throw new IllegalArgumentException("unknown frame type " + (type & 0xff));
            }
        } catch (CodecException e) {
            counters.rejected.increment();
            connection.node.warnRateLimited("decode:" + e.type(), "rejected a " + Frames.typeName(type) + " frame from "
                    + connection.peer + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            counters.rejected.increment();
            connection.node.warnRateLimited("malformed:" + type, "rejected a malformed " + Frames.typeName(type)
                    + " frame from " + connection.peer + ": " + e, e);
        }
    }

    private ExitReason reason() {
        Object value = codec.decode(in);
        if (value instanceof ExitReason reason) return reason;
        throw new IllegalArgumentException("an exit reason was a " + (value == null ? "null" : value.getClass().getName()));
    }

    private Map<String, URI> readNodes() {
        int count = in.getShort() & 0xFFFF;
        Map<String, URI> nodes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            nodes.put(Frames.getString(in), URI.create(Frames.getString(in)));
        }
        return nodes;
    }
}
