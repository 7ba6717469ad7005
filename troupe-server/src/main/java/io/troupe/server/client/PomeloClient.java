package io.troupe.server.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.Package;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A pomelo client (what {@code pomelo-jsclient-websocket} does, in Java) over WebSocket or raw TCP: handshake and
 * ack, route compression and protobuf as the server's handshake announces them, heartbeats, requests with
 * responses, notifies, pushes and kicks.
 *
 * <p><b>Threading:</b> thread-safe. Listeners and future completions run on the client's Netty event loop (shared by
 * all clients): they must not block; hand blocking work to another thread (e.g. {@code thenApplyAsync}).
 *
 * <p><b>Failure:</b> when the connection closes for any reason, pending requests fail with
 * {@link ClosedException} and {@link #closeFuture()} completes with the reason: {@code "kick: <reason>"},
 * {@code "heartbeat timeout"}, {@code "closed"} (by {@link #close()}), {@code "server closed"}, or a protocol error.
 */
public final class PomeloClient implements AutoCloseable {
    /** The wire. */
    public enum Transport { WEBSOCKET, TCP }

    /**
     * Connection settings.
     *
     * @param host server host
     * @param port server port
     * @param transport WebSocket or raw TCP
     * @param user the handshake's {@code user} object, or null
     * @param timeout how long {@link #connect} waits for the handshake
     * @param sendHeartbeats whether to take part in heartbeats; false simulates a client that went silent: it
     *     neither answers heartbeats nor times the server out
     */
    public record Options(String host, int port, Transport transport, JsonNode user, Duration timeout,
            boolean sendHeartbeats) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** Defaults: no user data, 5 s connect timeout, heartbeats on. */
        public static Options of(String host, int port, Transport transport) {
            return new Options(host, port, transport, null, Duration.ofSeconds(5), true);
        }

        public Options withUser(JsonNode user) {
            return new Options(host, port, transport, user, timeout, sendHeartbeats);
        }

        public Options withTimeout(Duration timeout) {
            return new Options(host, port, transport, user, timeout, sendHeartbeats);
        }

        public Options withHeartbeats(boolean sendHeartbeats) {
            return new Options(host, port, transport, user, timeout, sendHeartbeats);
        }
    }

    /** Fails requests of a client whose connection closed. */
    public static final class ClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClosedException(String reason) {
            super("pomelo connection closed: " + reason);
        }
    }

    private final ClientSession session;

    private PomeloClient(ClientSession session) {
        this.session = session;
    }

    /** Connects and completes the handshake, waiting at most {@code options.timeout()}. */
    public static PomeloClient connect(Options options) {
        try {
            return connectAsync(options).get(options.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("pomelo handshake timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        }
    }

    /** {@link #connect(Options)} with default options. */
    public static PomeloClient connect(String host, int port, Transport transport) {
        return connect(Options.of(host, port, transport));
    }

    /** Connects; the future completes after the handshake ack is sent, or fails (refused, code ≠ 200, timeout). */
    public static CompletableFuture<PomeloClient> connectAsync(Options options) {
        ClientSession session = new ClientSession(options);
        Bootstrap b = new Bootstrap().group(ClientLoops.group()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.timeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (options.transport() == Transport.WEBSOCKET) {
                            URI uri = URI.create("ws://" + options.host() + ":" + options.port() + "/");
                            WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(uri).version(WebSocketVersion.V13)
                                    .customHeaders(new DefaultHttpHeaders())
                                    .maxFramePayloadLength(Package.HEADER_LENGTH + Package.MAX_BODY_LENGTH)
                                    .handshakeTimeoutMillis(options.timeout().toMillis())
                                    .build();
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                    new WebSocketClientProtocolHandler(ws));
                        }
                        ch.pipeline().addLast(session);
                    }
                });
        ChannelFuture connecting = b.connect(options.host(), options.port());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                session.connected().completeExceptionally(f.cause());
            }
        });
        return session.connected()
                .orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((s, e) -> {
                    if (e != null) {
                        connecting.channel().close();
                    }
                })
                .thenApply(PomeloClient::new);
    }

    /**
     * Sends a REQUEST; the future completes with the response body (decoded with the request route's proto), or
     * fails with {@link ClosedException}.
     */
    public CompletableFuture<JsonNode> request(String route, JsonNode body) {
        return session.request(route, body);
    }

    /** Sends a NOTIFY. Dropped when closed. */
    public void notify(String route, JsonNode body) {
        session.notify(route, body);
    }

    /** Adds a listener for pushes on {@code route}. */
    public void on(String route, Consumer<JsonNode> listener) {
        session.on(route, listener);
    }

    /** Adds a listener for every push: (route, body). */
    public void onPush(BiConsumer<String, JsonNode> listener) {
        session.onPush(listener);
    }

    /** Completes with the close reason when the connection closes. */
    public CompletableFuture<String> closeFuture() {
        return session.closeFuture();
    }

    /** The reason of the server's KICK, or null. */
    public String kickReason() {
        return session.kickReason();
    }

    /** The server's handshake reply. */
    public HandshakeResponse handshake() {
        return session.handshake();
    }

    /** Heartbeat packets received from the server so far. */
    public long heartbeatsReceived() {
        return session.heartbeatsReceived();
    }

    /** The underlying channel's local port (to tell clients apart in server logs). */
    public int localPort() {
        return ((java.net.InetSocketAddress) session.channel().localAddress()).getPort();
    }

    public boolean isOpen() {
        return !session.closeFuture().isDone();
    }

    /** Closes the connection; {@link #closeFuture()} completes with {@code "closed"}. */
    @Override
    public void close() {
        session.close("closed");
    }

    Channel channel() {
        return session.channel();
    }
}
