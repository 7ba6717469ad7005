package io.troupe.server.internal.connector;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageDecoder;
import io.troupe.server.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Raw TCP: frames the byte stream into {@link Package}s. Nothing is buffered between packages (only the body of a
 * package being received), so an idle connection holds no buffer. The first violation closes the connection.
 */
final class TcpInbound extends ChannelInboundHandlerAdapter {
    private final Connection connection;
    private final PackageDecoder decoder;
    private Consumer<Package> sink;
    private boolean failed;

    TcpInbound(Connection connection, int maxPackageSize) {
        this.connection = connection;
        this.decoder = new PackageDecoder(maxPackageSize);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        sink = ctx::fireChannelRead;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (failed) {
                return;
            }
            for (ByteBuffer chunk : in.nioBuffers()) {
                decoder.feed(chunk, sink);
            }
        } catch (ProtocolException e) {
            failed = true;
            connection.protocolError(e.getMessage());
        } finally {
            in.release();
        }
    }
}
