package io.troupe.bench.broadcast;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;

/** Hands a connection's WebSocket events and data frames to its {@link Session}. */
final class WsHandler extends ChannelInboundHandlerAdapter {
    private final Session session;

    WsHandler(Session session) {
        this.session = session;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        session.channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            session.opened();
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            session.fail("WebSocket handshake timeout");
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
                session.frame(((io.netty.buffer.ByteBufHolder) msg).content());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session.isJoined()) session.stats.closedAfterJoin.incrementAndGet();
        session.reportFailure("connection closed");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.fail(cause.toString());
    }
}
