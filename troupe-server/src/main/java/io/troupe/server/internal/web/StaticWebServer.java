package io.troupe.server.internal.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small static HTTP/1.1 file server for the web pages of example apps (what the pinus demo's express
 * {@code web-server} does on port 3001), so a page can be served without a Node toolchain.
 *
 * <ul>
 *   <li>Serves regular files from a directory and/or a class-path prefix (the directory wins); {@code /} and any
 *       path ending in {@code /} serve {@code index.html}.</li>
 *   <li>GET and HEAD only (405 with {@code Allow} otherwise); 404 for missing files and for any path that could
 *       leave the served root ({@code ..}, encoded or not, backslashes, hidden files, symbolic links out of the
 *       directory); 400 for undecodable requests. Requests with a body larger than 8 KiB are refused.</li>
 *   <li>Content types by extension (html, {@code text/javascript} for js, css, json, png, ico, …);
 *       {@code Cache-Control: no-cache} on every response; keep-alive honoured, connections idle for 60 s closed.</li>
 *   <li>{@code GET /config.json}, when configured, answers the JSON given at start (e.g.
 *       {@code {"gatePort":3014}}), so a page learns ports without hard-coding them.</li>
 * </ul>
 *
 * <p>Not a general web server: no ranges, no compression, no directory listings, no TLS; files are read whole on
 * the event loop (they are expected to be small). Thread-safe.
 */
public final class StaticWebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaticWebServer.class);
    private static final int MAX_REQUEST = 8192;

    private final EventLoopGroup group;
    private final Channel server;
    private final ChannelGroup connections;
    private volatile boolean closed;

    private StaticWebServer(EventLoopGroup group, Channel server, ChannelGroup connections) {
        this.group = group;
        this.server = server;
        this.connections = connections;
    }

    /**
     * Serves the class-path resources under {@code resourcePrefix} (e.g. {@code chat/web/}) of {@code loader}.
     *
     * @param port the port, 0 for an ephemeral one
     * @throws IllegalStateException if the port cannot be bound
     */
    public static StaticWebServer start(String host, int port, ClassLoader loader, String resourcePrefix) {
        return builder().host(host).port(port).classPath(loader, resourcePrefix).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Stops accepting, closes open connections (a response being written is finished first by Netty's close
     * ordering) and stops the event loop. Blocks for at most a few seconds; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = port();
        server.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        LOG.info("Web server on port {} stopped", port);
    }

    /** Settings; at least one of {@link #classPath} and {@link #directory} is needed. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private ClassLoader loader;
        private String prefix = "";
        private Path directory;
        private String configJson;
        private int ioThreads = 1;

        private Builder() {
        }

        /** The address to bind; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; default 0 (ephemeral). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves the resources of {@code loader} under {@code resourcePrefix} (e.g. {@code chat/web/}). */
        public Builder classPath(ClassLoader loader, String resourcePrefix) {
            this.loader = loader;
            this.prefix = resourcePrefix;
            return this;
        }

        /** Serves the files of {@code directory}, before the class-path resources. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** The body of {@code GET /config.json} (not checked to be JSON); null (default) serves a file instead. */
        public Builder configJson(String json) {
            this.configJson = json;
            return this;
        }

        /** Event-loop threads; default 1. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be ≥ 1");
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Binds and starts serving; returns once the port is bound.
         *
         * @throws IllegalStateException if the port cannot be bound
         * @throws IllegalArgumentException if neither a class path nor a directory is set, or the directory is not one
         */
        public StaticWebServer start() {
            if (loader == null && directory == null) {
                throw new IllegalArgumentException("nothing to serve: set a class path and/or a directory");
            }
            StaticFileHandler files = new StaticFileHandler(new WebFiles(directory, loader, prefix),
                    configJson == null ? null : configJson.getBytes(StandardCharsets.UTF_8));
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads,
                    new DefaultThreadFactory("web", true), NioIoHandler.newFactory());
            ChannelGroup connections = new DefaultChannelGroup("web-clients", GlobalEventExecutor.INSTANCE);
            try {
                Channel server = new ServerBootstrap()
                        .group(group)
                        .channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                connections.add(ch);
                                ch.pipeline().addLast(new IdleStateHandler(0, 0, 60, TimeUnit.SECONDS) {
                                    @Override
                                    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
                                        ctx.close();
                                    }
                                });
                                ch.pipeline().addLast(new HttpServerCodec(MAX_REQUEST, MAX_REQUEST, MAX_REQUEST));
                                ch.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST));
                                ch.pipeline().addLast(files);
                            }
                        })
                        .bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
                LOG.info("Web server listening on {}", server.localAddress());
                return new StaticWebServer(group, server, connections);
            } catch (RuntimeException e) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                throw new IllegalStateException("cannot bind " + host + ":" + port, e);
            }
        }
    }
}
