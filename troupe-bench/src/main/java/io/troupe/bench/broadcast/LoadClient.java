package io.troupe.bench.broadcast;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many WebSocket client connections on a few Netty event-loop threads. Connections are opened
 * with at most {@code maxInFlight} handshakes under way at once, and spread over the given
 * loopback source addresses (each has its own ephemeral port range).
 */
final class LoadClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final Protocol protocol;
    private final InetSocketAddress server;
    private final List<InetAddress> sources;
    private final WebSocketClientProtocolConfig ws;

    LoadClient(Protocol protocol, int port, int threads, List<InetAddress> sources) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.protocol = protocol;
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.sources = sources;
        this.ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create("ws://127.0.0.1:" + port + protocol.path))
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(1 << 20)
                .handshakeTimeoutMillis(60_000)
                .dropPongFrames(true)
                .build();
    }

    /** The outcome of {@link #connect}: the sessions that joined, and the first failure, if any. */
    record Joined(List<Session> sessions, int failed, String firstFailure, long nanos) {
    }

    /**
     * Opens {@code count} connections (indexes {@code first..first+count-1}) and waits until each
     * has joined or failed, or {@code timeoutMillis} pass.
     */
    Joined connect(int count, int first, boolean receivers, LoadStats stats, int maxInFlight, long timeoutMillis)
            throws InterruptedException {
        CountDownLatch settled = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Session> joined = Collections.synchronizedList(new ArrayList<>(count));
        Runnable[] launch = new Runnable[1];
        Session.Events events = new Session.Events() {
            @Override
            public void joined(Session session) {
                stats.joined.incrementAndGet();
                joined.add(session);
                settled.countDown();
                launch[0].run();
            }

            @Override
            public void failed(Session session, String reason) {
                stats.failed.incrementAndGet();
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, "connection " + session.index + ": " + reason);
                settled.countDown();
                launch[0].run();
            }
        };
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) return;
            Session session = protocol.session(first + i, receivers, stats, events);
            InetAddress source = sources.get((first + i) % sources.size());
            ChannelFuture f = bootstrap(session).connect(server, new InetSocketAddress(source, 0));
            f.addListener(done -> {
                if (!done.isSuccess()) session.reportFailure("connect: " + done.cause());
            });
        };
        long start = System.nanoTime();
        for (int i = 0; i < Math.min(count, maxInFlight); i++) launch[0].run();
        settled.await(timeoutMillis, TimeUnit.MILLISECONDS);
        long nanos = System.nanoTime() - start;
        int missing = (int) settled.getCount();
        if (missing > 0) firstFailure.compareAndSet(null, missing + " connections neither joined nor failed in time");
        return new Joined(List.copyOf(joined), failed.get() + missing, firstFailure.get(), nanos);
    }

    private Bootstrap bootstrap(Session session) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(ws),
                                new WsHandler(session));
                    }
                });
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
