package io.troupe.server.internal.connector;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import io.troupe.server.protocol.DecodedMessage;
import io.troupe.server.protocol.HandshakeRequest;
import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.MessageType;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageType;
import io.troupe.server.protocol.ProtocolException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client connection: the last handler of its pipeline (it receives decoded {@link Package}s from
 * {@link TcpInbound} or {@link WsInbound}) and the {@link ClientLink} the application holds.
 *
 * <p><b>State machine</b> (pinus's hybridsocket): INITED →(handshake, reply sent)→ WAIT_ACK →(ack)→ WORKING →
 * CLOSED. A handshake is accepted only in INITED and an ack only in WAIT_ACK (others are ignored, as in pinus);
 * heartbeats count only in WORKING; DATA before WORKING and a client-sent KICK are protocol errors.
 *
 * <p><b>Timers:</b> a single scheduled check per connection, re-armed when it fires: before WORKING it enforces the
 * handshake timeout; in WORKING the heartbeat timeout (only heartbeat packets reset it) or, without heartbeats, the
 * idle timeout. Heartbeats only update a timestamp, so they cost no timer churn.
 *
 * <p><b>Outbound:</b> sends from any thread are encoded by the caller and queued here; the loop's
 * {@link FlushBatcher} drains the queue, writes everything and flushes once. Over WebSocket, the packages of one
 * drain are batched into as few binary messages as possible (up to 64 packages / 64 KiB each), as pinus's buffered
 * push scheduler does. Queued plus unflushed bytes above {@link ConnectorConfig#maxOutboundBytes()} cut the client
 * as a slow consumer.
 *
 * <p>All fields except the queue, the counters and {@code state} are confined to the event loop.
 */
final class Connection extends ChannelInboundHandlerAdapter implements ClientLink {
    private static final int INITED = 0;
    private static final int WAIT_ACK = 1;
    private static final int WORKING = 2;
    private static final int CLOSED = 3;
    private static final int WS_BATCH_PACKAGES = 64;
    private static final int WS_BATCH_BYTES = 64 * 1024;
    private static final long FORCED_CLOSE_MILLIS = 2000;
    private static final byte[] HEARTBEAT = Package.of(PackageType.HEARTBEAT).encode();
    private static final JsonMapper JSON = JsonMapper.shared();

    private static final AtomicIntegerFieldUpdater<Connection> DIRTY =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "dirty");
    private static final AtomicIntegerFieldUpdater<Connection> CUT =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "cut");
    private static final AtomicLongFieldUpdater<Connection> PENDING =
            AtomicLongFieldUpdater.newUpdater(Connection.class, "pending");

    private final ConnectorContext cx;
    private final long id;
    private final Channel channel;
    private final FlushBatcher batcher;
    private final ConcurrentLinkedQueue<ByteBuf> outbound = new ConcurrentLinkedQueue<>();
    private final Runnable timerTask = this::onTimer;
    private volatile int dirty;
    private volatile int cut;
    private volatile long pending;
    private volatile int state = INITED;
    private volatile boolean closing;
    private volatile String transport = "unknown";

    private ChannelHandlerContext ctx;
    /** Written by a {@link BroadcastBatcher} pass, not yet flushed (event loop). */
    boolean flushPending;
    private boolean webSocketOpen;
    private String closeReason;
    private long createdNanos;
    private long lastHeartbeatNanos;
    private long lastReadNanos;
    private ScheduledFuture<?> timer;

    Connection(ConnectorContext cx, Channel channel) {
        this.cx = cx;
        this.id = cx.nextId();
        this.channel = channel;
        this.batcher = cx.batcher(channel.eventLoop());
    }

    // ---- ClientLink (any thread) ----

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public void respond(int requestId, String route, JsonNode body) {
        if (isActive()) {
            enqueue(Unpooled.wrappedBuffer(cx.codec.encodeResponse(requestId, route, body)));
        }
    }

    @Override
    public void push(String route, JsonNode body) {
        if (isActive()) {
            enqueue(Unpooled.wrappedBuffer(cx.codec.encodePush(route, body)));
        }
    }

    @Override
    public void write(EncodedFrame frame) {
        if (isActive()) {
            enqueue(frame.retainedView());
        }
    }

    @Override
    public void kick(String reason) {
        execute(() -> doKick(reason));
    }

    @Override
    public void close() {
        execute(() -> closeGracefully("closed by server"));
    }

    @Override
    public boolean isActive() {
        return state == WORKING && !closing;
    }

    @Override
    public String toString() {
        return "ClientLink[" + id + " " + transport + " " + channel.remoteAddress() + "]";
    }

    // ---- set-up by the sniffer and the WebSocket handler (event loop) ----

    void transport(String transport) {
        this.transport = transport;
    }

    void webSocketOpened() {
        webSocketOpen = true;
    }

    // ---- inbound (event loop) ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        createdNanos = System.nanoTime();
        armTimer();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Package p)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (closing || state == CLOSED) {
            return;
        }
        lastReadNanos = System.nanoTime();
        switch (p.type()) {
            case HANDSHAKE -> {
                if (state == INITED) {
                    onHandshake(p.body());
                }
            }
            case HANDSHAKE_ACK -> {
                if (state == WAIT_ACK) {
                    onAck();
                }
            }
            case HEARTBEAT -> {
                if (state == WORKING) {
                    lastHeartbeatNanos = lastReadNanos;
                    if (cx.config.heartbeatSeconds() > 0) {
                        writeNow(HEARTBEAT);
                    }
                }
            }
            case DATA -> {
                if (state == WORKING) {
                    onData(p.body());
                } else {
                    protocolError("data before the handshake completed");
                }
            }
            case KICK -> protocolError("client sent a KICK package");
        }
    }

    private void onHandshake(byte[] body) {
        HandshakeRequest request;
        try {
            request = HandshakeRequest.decode(body);
        } catch (ProtocolException e) {
            protocolError("bad handshake: " + e.getMessage());
            return;
        }
        if (request.sys() == null) {
            refuseHandshake(HandshakeResponse.CODE_USE_ERROR);
            return;
        }
        var check = cx.config.checkClient();
        if (check != null && !check.test(request.clientType(), request.clientVersion())) {
            refuseHandshake(HandshakeResponse.CODE_OLD_CLIENT);
            return;
        }
        state = WAIT_ACK;
        writeNow(cx.okReply(request));
    }

    private void refuseHandshake(int code) {
        writeNow(HandshakeResponse.error(code).encodePackage());
        closeGracefully("handshake refused with code " + code);
    }

    private void onAck() {
        state = WORKING;
        lastHeartbeatNanos = System.nanoTime();
        if (cx.config.heartbeatSeconds() > 0) {
            writeNow(HEARTBEAT);
        }
        cancelTimer();
        armTimer();
        try {
            cx.handler.connected(this);
        } catch (RuntimeException e) {
            ConnectorContext.LOG.error("ConnectorHandler.connected failed for {}", this, e);
        }
    }

    private void onData(byte[] body) {
        DecodedMessage m;
        try {
            m = cx.codec.decodeClientMessage(body);
        } catch (ProtocolException e) {
            protocolError(e.getMessage());
            return;
        }
        try {
            if (m.type() == MessageType.REQUEST && m.id() > 0) {
                cx.handler.request(this, m.id(), m.route(), m.body());
            } else {
                cx.handler.notify(this, m.route(), m.body());
            }
        } catch (RuntimeException e) {
            cx.badClients.warn("ConnectorHandler failed on {} of {}: {}", m.route(), this, e.toString());
        }
    }

    /** A protocol violation: log (rate-limited) and drop this connection at once. */
    void protocolError(String what) {
        if (closing || state == CLOSED) {
            return;
        }
        cx.badClients.warn("Closing {}: {}", this, what);
        closeNow("protocol error: " + what);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            closeNow("connection reset");
        } else if (cause instanceof DecoderException || cause instanceof ProtocolException) {
            protocolError(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } else {
            ConnectorContext.LOG.warn("Closing {} after an unexpected error", this, cause);
            closeNow("internal error: " + cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        int previous = state;
        state = CLOSED;
        closing = true;
        cancelTimer();
        discardOutbound();
        if (previous == WORKING) {
            String reason = closeReason != null ? closeReason
                    : cx.shuttingDown ? "server shutdown" : "client closed";
            try {
                cx.handler.closed(this, reason);
            } catch (RuntimeException e) {
                ConnectorContext.LOG.error("ConnectorHandler.closed failed for {}", this, e);
            }
        }
    }

    // ---- timers (event loop) ----

    private void armTimer() {
        long deadline = deadline();
        if (deadline != Long.MAX_VALUE) {
            timer = ctx.executor().schedule(timerTask, Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private long deadline() {
        ConnectorConfig c = cx.config;
        if (state == INITED || state == WAIT_ACK) {
            return createdNanos + c.handshakeTimeout().toNanos();
        }
        if (state != WORKING) {
            return Long.MAX_VALUE;
        }
        if (c.heartbeatSeconds() > 0) {
            return lastHeartbeatNanos + c.heartbeatTimeout().toNanos();
        }
        return c.idleTimeout().isZero() ? Long.MAX_VALUE : lastReadNanos + c.idleTimeout().toNanos();
    }

    private void onTimer() {
        timer = null;
        if (closing || state == CLOSED) {
            return;
        }
        long deadline = deadline();
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        if (System.nanoTime() - deadline < 0) {
            armTimer();
            return;
        }
        String reason = state == WORKING ? (cx.config.heartbeatSeconds() > 0 ? "heartbeat timeout" : "idle timeout")
                : "handshake timeout";
        ConnectorContext.LOG.debug("Closing {}: {}", this, reason);
        closeNow(reason);
    }

    // ---- outbound ----

    /** Queues a buffer (any thread); takes ownership of it. */
    private void enqueue(ByteBuf buf) {
        int size = buf.readableBytes();
        long queued = PENDING.addAndGet(this, size);
        if (queued + unflushedBytes() > cx.config.maxOutboundBytes()) {
            PENDING.addAndGet(this, -size);
            buf.release();
            cutSlowConsumer();
            return;
        }
        outbound.offer(buf);
        if (DIRTY.compareAndSet(this, 0, 1)) {
            batcher.markDirty(this);
        }
    }

    private long unflushedBytes() {
        ChannelOutboundBuffer b = channel.unsafe().outboundBuffer();
        return b == null ? 0 : b.totalPendingWriteBytes();
    }

    private void cutSlowConsumer() {
        if (CUT.compareAndSet(this, 0, 1)) {
            cx.badClients.warn("Closing {}: slow consumer, more than {} bytes unwritten", this,
                    cx.config.maxOutboundBytes());
            execute(() -> closeNow("slow consumer"));
        }
    }

    /** Writes everything queued and flushes once (event loop; called by the {@link FlushBatcher}). */
    void drainOutbound() {
        DIRTY.set(this, 0);
        ByteBuf buf = outbound.poll();
        if (buf == null) {
            return;
        }
        if (state != WORKING || !channel.isActive()) {
            release(buf);
            discardOutbound();
            return;
        }
        writeQueued(buf);
        flushFrames();
    }

    /** Writes {@code first} and everything queued after it, without flushing (event loop). */
    private void writeQueued(ByteBuf first) {
        if (webSocketOpen) {
            writeWebSocketBatches(first);
        } else {
            ByteBuf buf = first;
            do {
                PENDING.addAndGet(this, -buf.readableBytes());
                ctx.write(buf, ctx.voidPromise());
            } while ((buf = outbound.poll()) != null);
        }
    }

    private void writeWebSocketBatches(ByteBuf first) {
        ByteBuf batch = first;
        CompositeByteBuf composite = null;
        int count = 1;
        PENDING.addAndGet(this, -first.readableBytes());
        while (true) {
            ByteBuf next = outbound.poll();
            if (next != null) {
                PENDING.addAndGet(this, -next.readableBytes());
            }
            if (next == null || count >= WS_BATCH_PACKAGES
                    || batch.readableBytes() + next.readableBytes() > WS_BATCH_BYTES) {
                ctx.write(new BinaryWebSocketFrame(batch), ctx.voidPromise());
                if (next == null) {
                    return;
                }
                batch = next;
                composite = null;
                count = 1;
            } else {
                if (composite == null) {
                    composite = ctx.alloc().compositeDirectBuffer(WS_BATCH_PACKAGES);
                    composite.addComponent(true, batch);
                    batch = composite;
                }
                composite.addComponent(true, next);
                count++;
            }
        }
    }

    /**
     * Writes {@code frame} after whatever is queued, without flushing (event loop; see
     * {@link BroadcastBatcher}). WebSocket links write the frame's pre-framed bytes, which pass the
     * WebSocket encoder untouched.
     * @return whether something was written (the caller flushes the link once per batch)
     */
    boolean writeFrame(EncodedFrame frame) {
        if (state != WORKING || !channel.isActive() || cut != 0) {
            return false;
        }
        if (!outbound.isEmpty()) {
            DIRTY.set(this, 0);
            ByteBuf queued = outbound.poll();
            if (queued != null) {
                writeQueued(queued);
            }
        }
        ctx.write(webSocketOpen ? frame.retainedWebSocketView() : frame.retainedView(), ctx.voidPromise());
        return true;
    }

    /** Flushes what was written, and cuts a slow consumer (event loop). */
    void flushFrames() {
        ctx.flush();
        if (unflushedBytes() > cx.config.maxOutboundBytes()) {
            cutSlowConsumer();
        }
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Drops everything queued (after close, or when the loop is gone). Any thread. */
    void discardOutbound() {
        ByteBuf buf;
        while ((buf = outbound.poll()) != null) {
            release(buf);
        }
    }

    private void release(ByteBuf buf) {
        PENDING.addAndGet(this, -buf.readableBytes());
        buf.release();
    }

    /** Writes a control package at once, ahead of nothing queued later (event loop). */
    private void writeNow(byte[] pkg) {
        ByteBuf b = Unpooled.wrappedBuffer(pkg);
        ctx.writeAndFlush(webSocketOpen ? new BinaryWebSocketFrame(b) : b, ctx.voidPromise());
    }

    // ---- closing (event loop) ----

    private void doKick(String reason) {
        if (closing || state == CLOSED) {
            return;
        }
        if (state == WORKING) {
            drainOutbound();
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("reason", reason));
            writeNow(Package.encode(PackageType.KICK, body));
        }
        closeGracefully("kick: " + reason);
    }

    /** Closes after what is written so far reaches the client (WebSocket close frame first); forced after 2 s. */
    private void closeGracefully(String reason) {
        if (closing || state == CLOSED) {
            return;
        }
        if (state == WORKING) {
            drainOutbound();
        }
        closing = true;
        closeReason = reason;
        cancelTimer();
        Object last = webSocketOpen ? new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE) : Unpooled.EMPTY_BUFFER;
        ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule(() -> {
            ctx.close();
        }, FORCED_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes at once, dropping anything unwritten. */
    private void closeNow(String reason) {
        if (state == CLOSED) {
            return;
        }
        if (!closing) {
            closing = true;
            closeReason = reason;
        }
        cancelTimer();
        ctx.close();
    }

    /** Shutdown of the connector: close gracefully with reason "server shutdown". Any thread. */
    void shutdown() {
        execute(() -> closeGracefully("server shutdown"));
    }

    private void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            channel.close();
        }
    }
}
