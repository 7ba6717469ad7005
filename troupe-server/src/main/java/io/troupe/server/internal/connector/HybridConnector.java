package io.troupe.server.internal.connector;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * pinus's {@code hybridconnector}: pomelo clients over WebSocket (binary frames, any path) and raw TCP on one port.
 *
 * <h2>Design</h2>
 * Each accepted channel starts as {@code [PortSniffer, Connection]}. The sniffer decides on the first byte and
 * inserts either the HTTP/WebSocket handlers plus {@link WsInbound}, or {@link TcpInbound}; both turn bytes into
 * {@link io.troupe.server.protocol.Package}s for the {@link Connection}, which runs the pomelo state machine
 * (handshake, ack, heartbeat, data, kick), calls the {@link ConnectorHandler} and is the {@link ClientLink}. Outbound
 * writes from any thread are queued per connection and flushed in one pass per event loop ({@link FlushBatcher}).
 * Bad input closes only the offending connection and is logged rate-limited.
 *
 * <p>Transport: NIO, one acceptor thread plus {@link ConnectorConfig#ioThreads()} event loops, pooled allocator,
 * {@code TCP_NODELAY}.
 */
public final class HybridConnector implements AutoCloseable {
    private final ConnectorContext cx;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;

    private HybridConnector(ConnectorContext cx, EventLoopGroup boss, EventLoopGroup workers, Channel server) {
        this.cx = cx;
        this.boss = boss;
        this.workers = workers;
        this.server = server;
    }

    /**
     * Binds and starts serving; returns once the port is bound.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static HybridConnector start(ConnectorConfig config, ConnectorHandler handler) {
        ConnectorContext cx = new ConnectorContext(config, handler);
        boolean epoll = Transports.epoll();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("pomelo-accept", true), Transports.ioHandler(epoll));
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("pomelo-io", true), Transports.ioHandler(epoll));
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(epoll ? io.netty.channel.epoll.EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (cx.shuttingDown) {
                                ch.close();
                                return;
                            }
                            Connection connection = new Connection(cx, ch);
                            ch.pipeline().addLast("sniffer", new PortSniffer(connection, config));
                            ch.pipeline().addLast("connection", connection);
                            cx.channels.add(ch);
                        }
                    });
            Channel server = b.bind(new InetSocketAddress(config.host(), config.port())).syncUninterruptibly().channel();
            ConnectorContext.LOG.info("Pomelo connector listening on {} (WebSocket and TCP, {})", server.localAddress(), epoll ? "epoll" : "NIO");
            return new HybridConnector(cx, boss, workers, server);
        } catch (RuntimeException e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot bind " + config.host() + ":" + config.port(), e);
        }
    }

    /**
     * Writes {@code frame} to every link in {@code links} (links of this connector; others are
     * skipped), after what they have queued. Each event loop takes the frames queued for it in one
     * pass and flushes each link once per pass, so under load several pushes share one write
     * system call per link ({@link BroadcastBatcher}). The fast path of a channel push: no per-link
     * queueing or encoding. Thread-safe, never blocks; the caller keeps its reference to {@code frame}.
     */
    public void writeAll(EncodedFrame frame, java.util.Collection<? extends ClientLink> links) {
        java.util.Map<io.netty.channel.EventLoop, java.util.List<Connection>> byLoop = new java.util.IdentityHashMap<>();
        for (ClientLink link : links) {
            if (link instanceof Connection c && c.isActive()) byLoop.computeIfAbsent(c.eventLoop(), l -> new java.util.ArrayList<>()).add(c);
        }
        byLoop.forEach((loop, batch) -> cx.broadcaster(loop).add(frame, batch));
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The settings it runs with. */
    public ConnectorConfig config() {
        return cx.config;
    }

    /** Open client connections (accepted and not yet closed, connected or not). */
    public int connections() {
        return cx.channels.size();
    }

    /**
     * Graceful stop: stops accepting, closes every connection (WebSocket close frame first; connected links get
     * {@link ConnectorHandler#closed} with {@code "server shutdown"}), then stops the event loops. Blocks up to a few
     * seconds; must not be called from an event loop. Idempotent.
     */
    @Override
    public void close() {
        if (cx.shuttingDown) {
            return;
        }
        cx.shuttingDown = true;
        server.close().syncUninterruptibly();
        for (Channel ch : cx.channels) {
            Connection c = ch.pipeline().get(Connection.class);
            if (c != null) {
                c.shutdown();
            } else {
                ch.close();
            }
        }
        cx.channels.newCloseFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        cx.channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        ConnectorContext.LOG.info("Pomelo connector on port {} stopped", port());
    }
}
