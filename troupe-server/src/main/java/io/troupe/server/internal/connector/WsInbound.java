package io.troupe.server.internal.connector;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.ProtocolException;
import java.util.List;

/**
 * WebSocket: each binary message holds one or more whole packages. Text and fragmented messages, and plain HTTP
 * requests that are not a WebSocket upgrade, are protocol errors.
 */
final class WsInbound extends ChannelInboundHandlerAdapter {
    private final Connection connection;
    private final int maxPackageSize;

    WsInbound(Connection connection, int maxPackageSize) {
        this.connection = connection;
        this.maxPackageSize = maxPackageSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        List<Package> packages;
        try {
            if (!(msg instanceof BinaryWebSocketFrame frame) || !frame.isFinalFragment()) {
                connection.protocolError(msg instanceof FullHttpRequest ? "HTTP request that is not a WebSocket upgrade"
                        : "unsupported WebSocket message " + msg.getClass().getSimpleName());
                return;
            }
            packages = Package.decodeAll(ByteBufUtil.getBytes(frame.content()), maxPackageSize);
        } catch (ProtocolException e) {
            connection.protocolError(e.getMessage());
            return;
        } finally {
            ReferenceCountUtil.release(msg);
        }
        for (Package p : packages) {
            ctx.fireChannelRead(p);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            connection.webSocketOpened();
        }
        ctx.fireUserEventTriggered(evt);
    }
}
