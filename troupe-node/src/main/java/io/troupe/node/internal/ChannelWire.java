package io.troupe.node.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A blocking {@link SocketChannel}: TCP (with TCP_NODELAY) or a Unix domain socket. */
final class ChannelWire implements Wire {
    private final SocketChannel channel;
    private final String remote;

    ChannelWire(SocketChannel channel, String remote) throws IOException {
        this.channel = channel;
        this.remote = remote;
        channel.configureBlocking(true);
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            channel.write(from);
        }
    }

    @Override
    public boolean prefersDirect() {
        return true;
    }

    @Override
    public String remote() {
        return remote;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
