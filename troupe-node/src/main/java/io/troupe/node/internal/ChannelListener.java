package io.troupe.node.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Listens on a server socket channel, TCP or Unix domain; removes the socket file on close. */
final class ChannelListener implements WireListener {
    private final ServerSocketChannel server;
    private final URI address;
    private final Path socketFile;

    ChannelListener(ServerSocketChannel server, URI address, Path socketFile) {
        this.server = server;
        this.address = address;
        this.socketFile = socketFile;
    }

    @Override
    public Wire accept() throws IOException {
        SocketChannel channel = server.accept();
        Object remote = channel.getRemoteAddress();
        return new ChannelWire(channel, remote == null || remote.toString().isEmpty() ? address.toString() : remote.toString());
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.close();
            if (socketFile != null) Files.deleteIfExists(socketFile);
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
