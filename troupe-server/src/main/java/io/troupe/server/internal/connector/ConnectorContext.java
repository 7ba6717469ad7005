package io.troupe.server.internal.connector;

import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.troupe.server.protocol.HandshakeRequest;
import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.MessageCodec;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What all connections of one connector share: settings, the handler, id sequence, flush batchers, replies. */
final class ConnectorContext {
    static final Logger LOG = LoggerFactory.getLogger(HybridConnector.class);

    final ConnectorConfig config;
    final ConnectorHandler handler;
    final MessageCodec codec;
    final RateLimitedLog badClients = new RateLimitedLog(LOG);
    final ChannelGroup channels = new DefaultChannelGroup("pomelo-clients", GlobalEventExecutor.INSTANCE);
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<EventLoop, FlushBatcher> batchers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EventLoop, BroadcastBatcher> broadcasters = new ConcurrentHashMap<>();
    /** Successful handshake replies by (client has the dict) + 2 × (client has the protos); built lazily. */
    private final AtomicReferenceArray<byte[]> okReplies = new AtomicReferenceArray<>(4);
    volatile boolean shuttingDown;

    ConnectorContext(ConnectorConfig config, ConnectorHandler handler) {
        this.config = config;
        this.handler = handler;
        this.codec = config.codec();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    FlushBatcher batcher(EventLoop loop) {
        return batchers.computeIfAbsent(loop, FlushBatcher::new);
    }

    BroadcastBatcher broadcaster(EventLoop loop) {
        return broadcasters.computeIfAbsent(loop, BroadcastBatcher::new);
    }

    /** The HANDSHAKE package answering {@code request} (which has a {@code sys}). */
    byte[] okReply(HandshakeRequest request) {
        boolean hasDict = codec.dict() != null && codec.dict().version().equals(request.dictVersion());
        boolean hasProtos = codec.protos() != null && codec.protos().version().equals(request.protoVersion());
        int key = (hasDict ? 1 : 0) + (hasProtos ? 2 : 0);
        byte[] reply = okReplies.get(key);
        if (reply == null) {
            reply = HandshakeResponse.ok(request, codec, config.heartbeatSeconds(), null).encodePackage();
            okReplies.set(key, reply);
        }
        return reply;
    }
}
