package io.troupe.server.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.troupe.server.protocol.DecodedMessage;
import io.troupe.server.protocol.HandshakeRequest;
import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.MessageCodec;
import io.troupe.server.protocol.MessageType;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageDecoder;
import io.troupe.server.protocol.PackageType;
import io.troupe.server.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's protocol engine, the last handler of its channel: sends the handshake once the transport is open,
 * acks the reply, paces heartbeats (answer each server heartbeat after the interval; give up after 2 × interval
 * without any package), matches responses to requests and dispatches pushes. State is confined to the event loop
 * except the request table, the listeners and the futures.
 */
final class ClientSession extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PomeloClient.class);
    private static final byte[] ACK = Package.of(PackageType.HANDSHAKE_ACK).encode();
    private static final byte[] HEARTBEAT = Package.of(PackageType.HEARTBEAT).encode();

    private record Pending(String route, CompletableFuture<JsonNode> future) {
    }

    private final PomeloClient.Options options;
    private final CompletableFuture<ClientSession> connected = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, JsonNode>> pushListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong heartbeats = new AtomicLong();
    private final PackageDecoder tcpDecoder = new PackageDecoder(Package.MAX_BODY_LENGTH);
    private volatile Channel channel;
    private volatile MessageCodec codec = MessageCodec.plain();
    private volatile HandshakeResponse handshake;
    private volatile String kickReason;
    private volatile String closeReason;
    private ChannelHandlerContext ctx;
    private long heartbeatNanos;
    private long lastReceivedNanos;
    private ScheduledFuture<?> heartbeatSend;
    private ScheduledFuture<?> timeoutCheck;

    ClientSession(PomeloClient.Options options) {
        this.options = options;
    }

    CompletableFuture<ClientSession> connected() {
        return connected;
    }

    CompletableFuture<String> closeFuture() {
        return closed;
    }

    Channel channel() {
        return channel;
    }

    HandshakeResponse handshake() {
        return handshake;
    }

    String kickReason() {
        return kickReason;
    }

    long heartbeatsReceived() {
        return heartbeats.get();
    }

    // ---- API (any thread) ----

    CompletableFuture<JsonNode> request(String route, JsonNode body) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        if (closed.isDone()) {
            f.completeExceptionally(new PomeloClient.ClosedException(closed.join()));
            return f;
        }
        int id = ids.incrementAndGet();
        byte[] bytes = codec.encodeClientMessage(id, route, body);
        pending.put(id, new Pending(route, f));
        send(bytes);
        if (closed.isDone() && pending.remove(id) != null) {
            f.completeExceptionally(new PomeloClient.ClosedException(closed.join()));
        }
        return f;
    }

    void notify(String route, JsonNode body) {
        if (!closed.isDone()) {
            send(codec.encodeClientMessage(0, route, body));
        }
    }

    void on(String route, Consumer<JsonNode> listener) {
        listeners.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void onPush(BiConsumer<String, JsonNode> listener) {
        pushListeners.add(listener);
    }

    void close(String reason) {
        Channel ch = channel;
        if (ch == null) {
            finish(reason);
            return;
        }
        ch.eventLoop().execute(() -> {
            if (closeReason == null) {
                closeReason = reason;
            }
            ch.close();
        });
    }

    private void send(byte[] pkg) {
        Channel ch = channel;
        ByteBuf b = Unpooled.wrappedBuffer(pkg);
        ch.writeAndFlush(options.transport() == PomeloClient.Transport.WEBSOCKET ? new BinaryWebSocketFrame(b) : b,
                ch.voidPromise());
    }

    // ---- channel events (event loop) ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (options.transport() == PomeloClient.Transport.TCP) {
            sendHandshake();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            sendHandshake();
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void sendHandshake() {
        String type = options.transport() == PomeloClient.Transport.WEBSOCKET ? "java-websocket" : "java-tcp";
        HandshakeRequest request = HandshakeRequest.of(type, "0.0.1", null, null, options.user());
        send(Package.encode(PackageType.HANDSHAKE, request.encode()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf in) {
                for (ByteBuffer chunk : in.nioBuffers()) {
                    tcpDecoder.feed(chunk, this::onPackage);
                }
            } else if (msg instanceof BinaryWebSocketFrame frame) {
                for (Package p : Package.decodeAll(ByteBufUtil.getBytes(frame.content()), Package.MAX_BODY_LENGTH)) {
                    onPackage(p);
                }
            }
        } catch (ProtocolException e) {
            failAndClose("protocol error: " + e.getMessage());
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onPackage(Package p) {
        if (closeReason != null) {
            return;
        }
        lastReceivedNanos = System.nanoTime();
        switch (p.type()) {
            case HANDSHAKE -> onHandshake(HandshakeResponse.decode(p.body()));
            case HEARTBEAT -> {
                heartbeats.incrementAndGet();
                if (heartbeatNanos > 0 && options.sendHeartbeats() && heartbeatSend == null) {
                    heartbeatSend = ctx.executor().schedule(() -> {
                        heartbeatSend = null;
                        send(HEARTBEAT);
                    }, heartbeatNanos, TimeUnit.NANOSECONDS);
                }
            }
            case DATA -> onData(p.body());
            case KICK -> {
                JsonNode k = JsonMapper.shared().readTree(p.body());
                kickReason = k.path("reason").asString("");
                failAndClose("kick: " + kickReason);
            }
            case HANDSHAKE_ACK -> throw new ProtocolException("server sent a HANDSHAKE_ACK");
        }
    }

    private void onHandshake(HandshakeResponse response) {
        if (handshake != null) {
            return;
        }
        handshake = response;
        if (response.code() != HandshakeResponse.CODE_OK) {
            connected.completeExceptionally(
                    new IllegalStateException("handshake refused with code " + response.code()));
            failAndClose("handshake refused with code " + response.code());
            return;
        }
        codec = new MessageCodec(response.dict(), response.protos());
        heartbeatNanos = TimeUnit.SECONDS.toNanos(response.heartbeatSeconds());
        send(ACK);
        if (heartbeatNanos > 0 && options.sendHeartbeats()) {
            armTimeoutCheck();
        }
        connected.complete(this);
    }

    private void armTimeoutCheck() {
        long deadline = lastReceivedNanos + 2 * heartbeatNanos;
        timeoutCheck = ctx.executor().schedule(() -> {
            if (closeReason != null) {
                return;
            }
            if (System.nanoTime() - (lastReceivedNanos + 2 * heartbeatNanos) >= 0) {
                failAndClose("heartbeat timeout");
            } else {
                armTimeoutCheck();
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void onData(byte[] body) {
        DecodedMessage m = codec.decodeServerMessage(body, id -> {
            Pending p = pending.get(id);
            return p == null ? null : p.route();
        });
        if (m.type() == MessageType.RESPONSE) {
            Pending p = pending.remove(m.id());
            if (p != null) {
                p.future().complete(m.body());
            }
            return;
        }
        try {
            for (BiConsumer<String, JsonNode> l : pushListeners) {
                l.accept(m.route(), m.body());
            }
            List<Consumer<JsonNode>> ls = listeners.get(m.route());
            if (ls != null) {
                for (Consumer<JsonNode> l : ls) {
                    l.accept(m.body());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Push listener failed on {}", m.route(), e);
        }
    }

    private void failAndClose(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connected.completeExceptionally(cause);
        failAndClose("error: " + cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (heartbeatSend != null) {
            heartbeatSend.cancel(false);
        }
        if (timeoutCheck != null) {
            timeoutCheck.cancel(false);
        }
        finish(closeReason != null ? closeReason : "server closed");
    }

    private void finish(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        connected.completeExceptionally(new PomeloClient.ClosedException(reason));
        closed.complete(reason);
        for (Integer id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(new PomeloClient.ClosedException(reason));
            }
        }
    }
}
