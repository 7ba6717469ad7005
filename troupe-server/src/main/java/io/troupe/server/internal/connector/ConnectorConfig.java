package io.troupe.server.internal.connector;

import io.troupe.server.protocol.MessageCodec;
import io.troupe.server.protocol.Package;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Settings of a {@link HybridConnector}. Build with {@link #builder()}.
 *
 * @param host the address to bind ({@code 0.0.0.0} for all interfaces)
 * @param port the port, 0 for an ephemeral one
 * @param heartbeat the heartbeat interval announced to clients (whole seconds), {@link Duration#ZERO} for none
 * @param heartbeatTimeout silence after which a connected client is dropped (default 2 × heartbeat); only
 *     heartbeat packets count, as in pinus
 * @param handshakeTimeout time a new connection has to complete handshake and ack before it is closed
 * @param idleTimeout without heartbeats: time without any inbound bytes before a connected client is closed
 *     ({@link Duration#ZERO} = never)
 * @param maxPackageSize the largest package body accepted from clients; a longer one closes the connection
 * @param maxOutboundBytes the slow-consumer limit of unwritten bytes per connection
 * @param codec dictionary and protos ({@link MessageCodec#plain()} for neither)
 * @param ioThreads event-loop threads for connections
 * @param checkClient {@code (clientType, clientVersion) → accepted}; a refused client gets handshake code 501;
 *     null accepts everyone. Called on the event loop: must not block.
 */
public record ConnectorConfig(String host, int port, Duration heartbeat, Duration heartbeatTimeout,
        Duration handshakeTimeout, Duration idleTimeout, int maxPackageSize, long maxOutboundBytes,
        MessageCodec codec, int ioThreads, BiPredicate<String, String> checkClient) {

    public ConnectorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(codec, "codec");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heartbeat.isNegative() || heartbeat.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("heartbeat must be whole seconds: " + heartbeat);
        }
        if (!heartbeatTimeout.isPositive() || !handshakeTimeout.isPositive() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxPackageSize < 16 || maxPackageSize > Package.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("maxPackageSize out of range: " + maxPackageSize);
        }
        if (maxOutboundBytes < 1024 || ioThreads < 1) {
            throw new IllegalArgumentException("maxOutboundBytes ≥ 1024 and ioThreads ≥ 1 required");
        }
    }

    /** The heartbeat interval in seconds, 0 for none. */
    public int heartbeatSeconds() {
        return (int) heartbeat.toSeconds();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults: all interfaces, port 3010, no heartbeat, 10 s handshake timeout, 90 s idle
     * timeout, 64 KiB packages, 1 MiB outbound backlog, plain codec, one event loop per processor. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 3010;
        private Duration heartbeat = Duration.ZERO;
        private Duration heartbeatTimeout;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(90);
        private int maxPackageSize = 64 * 1024;
        private long maxOutboundBytes = 1024 * 1024;
        private MessageCodec codec = MessageCodec.plain();
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private BiPredicate<String, String> checkClient;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        public Builder heartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
            return this;
        }

        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxPackageSize(int maxPackageSize) {
            this.maxPackageSize = maxPackageSize;
            return this;
        }

        public Builder maxOutboundBytes(long maxOutboundBytes) {
            this.maxOutboundBytes = maxOutboundBytes;
            return this;
        }

        public Builder codec(MessageCodec codec) {
            this.codec = codec;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder checkClient(BiPredicate<String, String> checkClient) {
            this.checkClient = checkClient;
            return this;
        }

        public ConnectorConfig build() {
            Duration hbTimeout = heartbeatTimeout != null ? heartbeatTimeout
                    : heartbeat.isZero() ? Duration.ofSeconds(1) : heartbeat.multipliedBy(2);
            return new ConnectorConfig(host, port, heartbeat, hbTimeout, handshakeTimeout, idleTimeout,
                    maxPackageSize, maxOutboundBytes, codec, ioThreads, checkClient);
        }
    }
}
