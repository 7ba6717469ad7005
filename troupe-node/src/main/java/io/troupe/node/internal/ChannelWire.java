package io.troupe.node.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/*
 * A socket channel, TCP (with TCP_NODELAY) or Unix domain, in non-blocking mode: so that a sender
 * can write without ever blocking (tryWrite), while the connection's reader and writer threads wait
 * for the socket with a selector each (a virtual thread parks in select; a platform thread sleeps
 * in epoll_wait). Each selector is used by one thread; close() wakes both.
 */
final class ChannelWire implements Wire {
    private static final Consumer<SelectionKey> IGNORE = key -> { }; // select(action): no selected-key set to clear

    private final SocketChannel channel;
    private final String remote;
    private final Selector readable;
    private final Selector writable;

    ChannelWire(SocketChannel channel, String remote) throws IOException {
        this.channel = channel;
        this.remote = remote;
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        channel.configureBlocking(false);
        this.readable = Selector.open();
        this.writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    private boolean drained; // the last read left the socket empty (it did not fill the buffer)

    @Override
    public int read(ByteBuffer into) throws IOException {
        int room = into.remaining();
        int n = drained ? 0 : channel.read(into); // after a short read, wait first: saves an empty read
        while (n == 0) {
            readable.select(IGNORE);
            if (!channel.isOpen()) throw new ClosedChannelException();
            n = channel.read(into);
        }
        drained = n < room;
        return n;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            if (channel.write(from) == 0) {
                writable.select(IGNORE);
                if (!channel.isOpen()) throw new ClosedChannelException();
            }
        }
    }

    @Override
    public boolean canTryWrite() {
        return true;
    }

    @Override
    public int tryWrite(ByteBuffer from) throws IOException {
        int total = 0;
        int n;
        while (from.hasRemaining() && (n = channel.write(from)) > 0) total += n;
        return total;
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
        for (Selector selector : new Selector[] {readable, writable}) {
            try {
                selector.wakeup();
                selector.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
