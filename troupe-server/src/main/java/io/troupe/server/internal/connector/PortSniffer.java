package io.troupe.server.internal.connector;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.troupe.server.protocol.Package;

/**
 * Port unification: looks at the first byte a client sends. An ASCII letter that starts an HTTP method
 * ({@code GET}, {@code POST}, …) sets up the WebSocket pipeline (any path is accepted); anything else is the raw TCP
 * package stream, whose first byte is a package type (1–5). Then it removes itself.
 */
final class PortSniffer extends ChannelInboundHandlerAdapter {
    private static final int HTTP_HEAD_LIMIT = 8192;

    private final Connection connection;
    private final int maxPackageSize;
    private final long handshakeTimeoutMillis;

    PortSniffer(Connection connection, ConnectorConfig config) {
        this.connection = connection;
        this.maxPackageSize = config.maxPackageSize();
        this.handshakeTimeoutMillis = Math.max(1, config.handshakeTimeout().toMillis());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        ChannelPipeline p = ctx.pipeline();
        String self = ctx.name();
        if (in.isReadable() && isHttpMethodStart(in.getUnsignedByte(in.readerIndex()))) {
            connection.transport("ws");
            WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/")
                    .checkStartsWith(true)
                    .handleCloseFrames(true)
                    .dropPongFrames(true)
                    .handshakeTimeoutMillis(handshakeTimeoutMillis)
                    .decoderConfig(WebSocketDecoderConfig.newBuilder()
                            .maxFramePayloadLength(maxPackageSize + Package.HEADER_LENGTH)
                            .allowExtensions(false)
                            .build())
                    .build();
            p.addAfter(self, "http", new HttpServerCodec(HTTP_HEAD_LIMIT, HTTP_HEAD_LIMIT, HTTP_HEAD_LIMIT));
            p.addAfter("http", "http-aggregator", new HttpObjectAggregator(HTTP_HEAD_LIMIT));
            p.addAfter("http-aggregator", "ws", new WebSocketServerProtocolHandler(ws));
            p.addAfter("ws", "ws-packages", new WsInbound(connection, maxPackageSize));
        } else {
            connection.transport("tcp");
            p.addAfter(self, "tcp-packages", new TcpInbound(connection, maxPackageSize));
        }
        ctx.fireChannelRead(msg);
        p.remove(this);
    }

    private static boolean isHttpMethodStart(int b) {
        return switch (b) {
            case 'G', 'P', 'D', 'H', 'O', 'C', 'T' -> true;
            default -> false;
        };
    }
}
