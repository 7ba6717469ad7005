package io.troupe.node;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a node listens for connections from other nodes. A node dials each peer with the transport of
 * the address the peer published ({@code tcp://}, {@code tls://} or {@code unix:}); dialing a
 * {@code tls://} address needs a node configured with {@link #tls(SSLContext)}.
 */
public sealed interface Transport {

    /** Plain TCP on {@code 127.0.0.1}, ephemeral port: the default. */
    static Transport tcp() {
        return new Tcp("127.0.0.1", 0);
    }

    /** Plain TCP on the given interface and port (0: ephemeral). */
    static Transport tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /**
     * Unix domain sockets, for nodes on one host: the socket file is created in {@code directory}
     * and removed when the node closes.
     */
    static Transport unix(Path directory) {
        return new Unix(directory);
    }

    /** Unix domain sockets in a per-user directory under {@code java.io.tmpdir}. */
    static Transport unix() {
        return new Unix(null);
    }

    /**
     * TCP with TLS on {@code 127.0.0.1}, ephemeral port. {@code context} provides this node's key
     * (it serves it to peers and presents it to them: mutual TLS) and the certificates it trusts.
     * The cookie handshake still runs inside TLS.
     */
    static Transport tls(SSLContext context) {
        return new Tls("127.0.0.1", 0, context);
    }

    /** TLS on the given interface and port. */
    static Transport tls(String host, int port, SSLContext context) {
        return new Tls(host, port, context);
    }

    record Tcp(String host, int port) implements Transport {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port: " + port);
        }
    }

    /** @param directory where the socket file goes; {@code null} for the per-user default */
    record Unix(Path directory) implements Transport {
    }

    record Tls(String host, int port, SSLContext context) implements Transport {
        public Tls {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(context, "context");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port: " + port);
        }
    }
}
