package io.troupe.node.internal;

import io.troupe.node.Transport;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Opens listeners and dials addresses for the three transports: tcp://, tls:// and unix:. */
final class Transports {
    private static final int BACKLOG = 1024;

    private Transports() {
    }

    static WireListener listen(Transport transport, String node) throws IOException {
        return switch (transport) {
            case Transport.Tcp tcp -> {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(tcp.host(), tcp.port()), BACKLOG);
                InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
                yield new ChannelListener(server, URI.create("tcp://" + hostOf(bound) + ":" + bound.getPort()), null);
            }
            case Transport.Unix unix -> {
                Path directory = unix.directory() != null ? unix.directory() : UserFiles.directory().resolve("sockets");
                Files.createDirectories(directory);
                Path file = directory.resolve(socketName(node));
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(file), BACKLOG);
                yield new ChannelListener(server, UserFiles.unixUri(file), file);
            }
            case Transport.Tls tls -> {
                SSLServerSocket server = (SSLServerSocket) tls.context().getServerSocketFactory()
                        .createServerSocket(tls.port(), BACKLOG, InetAddress.getByName(tls.host()));
                server.setNeedClientAuth(true);
                InetSocketAddress bound = (InetSocketAddress) server.getLocalSocketAddress();
                yield new TlsListener(server, URI.create("tls://" + hostOf(bound) + ":" + bound.getPort()));
            }
        };
    }

    static Wire connect(URI address, Transport own, Duration timeout) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        switch (address.getScheme()) {
            case "tcp" -> {
                SocketChannel channel = SocketChannel.open();
                try {
                    channel.socket().connect(new InetSocketAddress(address.getHost(), address.getPort()), millis);
                    return new ChannelWire(channel, address.toString());
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
            }
            case "unix" -> {
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(address.getSchemeSpecificPart())));
                return new ChannelWire(channel, address.toString());
            }
            case "tls" -> {
                if (!(own instanceof Transport.Tls tls)) {
                    throw new IOException("cannot dial " + address + ": this node has no TLS configured (Transport.tls)");
                }
                SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
                try {
                    socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), millis);
                    socket.setSoTimeout(millis);
                    socket.startHandshake();
                    socket.setSoTimeout(0);
                    return new TlsWire(socket);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            }
            default -> throw new IOException("unknown transport in address " + address);
        }
    }

    private static String hostOf(InetSocketAddress bound) throws IOException {
        InetAddress address = bound.getAddress();
        if (address.isAnyLocalAddress()) return InetAddress.getLocalHost().getHostAddress();
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    /** Short enough for the ~100-byte limit on socket paths; unique per incarnation. */
    private static String socketName(String node) {
        String prefix = node.replaceAll("[^A-Za-z0-9_\\-]", "_");
        if (prefix.length() > 24) prefix = prefix.substring(0, 24);
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random) + ".sock";
    }
}
