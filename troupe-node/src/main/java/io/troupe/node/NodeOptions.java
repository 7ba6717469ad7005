package io.troupe.node;

import io.troupe.RuntimeOptions;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.Discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Node}. Start from {@link #named(String)} and adjust with the {@code with}
 * methods; every instance is immutable.
 *
 * @param name               {@code name@host}, or just {@code name} (the host part is then this
 *                           machine's short host name)
 * @param cookie             the shared secret; nodes connect only to nodes with the same cookie.
 *                           {@code null}: read {@code ~/.troupe.cookie}, creating it with a random
 *                           cookie (owner-only permissions) if missing, as Erlang does
 * @param transport          how the node listens; default {@link Transport#tcp()}
 * @param discovery          how nodes find each other by name; {@code null}: the zero-setup
 *                           same-host provider ({@link Discovery#sameHost()}), owned by the node
 * @param messageTypes       the allowlist of message classes that may cross the wire, besides
 *                           Troupe's own records, strings, boxed primitives, arrays of those and
 *                           the JDK collections; register every record, enum or class a message
 *                           contains
 * @param codec              how messages become bytes; default {@link Codec#fory()}
 * @param maxFrameSize       the largest frame, in bytes, a node sends or accepts; a peer that
 *                           announces a bigger one is disconnected, a bigger outgoing message is
 *                           dropped with an error log
 * @param failureDetection   how long a connection may stay silent before its peer is declared
 *                           down; heartbeats go out every quarter of it
 * @param connectTimeout     bound on connecting plus the handshake
 * @param requestTimeout     bound on remote spawn and global-name operations
 * @param outboundQueueLimit how many messages may wait for the writer of one connection
 * @param overflowPolicy     what happens beyond {@code outboundQueueLimit}
 * @param ioThreads          the kind of thread that reads and writes each connection
 * @param runtime            settings of the wrapped runtime (its node name is replaced by {@code name})
 */
public record NodeOptions(
        String name,
        String cookie,
        Transport transport,
        Discovery discovery,
        List<Class<?>> messageTypes,
        Codec.Factory codec,
        int maxFrameSize,
        Duration failureDetection,
        Duration connectTimeout,
        Duration requestTimeout,
        int outboundQueueLimit,
        OverflowPolicy overflowPolicy,
        IoThreads ioThreads,
        RuntimeOptions runtime) {

    public NodeOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(failureDetection, "failureDetection");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        Objects.requireNonNull(ioThreads, "ioThreads");
        Objects.requireNonNull(runtime, "runtime");
        messageTypes = List.copyOf(messageTypes);
        if (!name.matches("[A-Za-z0-9_\\-]+(@[A-Za-z0-9_.\\-]+)?")) {
            throw new IllegalArgumentException("node name must look like name or name@host: " + name);
        }
        if (cookie != null && cookie.isEmpty()) throw new IllegalArgumentException("empty cookie");
        if (maxFrameSize < 1024) throw new IllegalArgumentException("maxFrameSize must be >= 1024");
        if (outboundQueueLimit < 1) throw new IllegalArgumentException("outboundQueueLimit must be >= 1");
        if (failureDetection.toMillis() < 100) throw new IllegalArgumentException("failureDetection must be >= 100 ms");
    }

    /**
     * The defaults for a node called {@code name}: TCP on 127.0.0.1, same-host discovery, the cookie
     * from {@code ~/.troupe.cookie}, Fory codec, 8 MiB frames, failure detection 4 s, connect
     * timeout 5 s, request timeout 5 s, 262,144 queued messages per connection, then disconnect,
     * platform I/O threads.
     */
    public static NodeOptions named(String name) {
        return new NodeOptions(name, null, Transport.tcp(), null, List.of(), Codec.fory(), 8 << 20,
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 18,
                OverflowPolicy.DISCONNECT, IoThreads.PLATFORM, RuntimeOptions.defaults());
    }

    public NodeOptions withCookie(String secret) {
        return new NodeOptions(name, secret, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withTransport(Transport how) {
        return new NodeOptions(name, cookie, how, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withDiscovery(Discovery provider) {
        return new NodeOptions(name, cookie, transport, provider, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    /** Adds message types to the allowlist. */
    public NodeOptions withMessageTypes(Class<?>... types) {
        List<Class<?>> all = new ArrayList<>(messageTypes);
        for (Class<?> type : types) {
            if (!all.contains(type)) all.add(type);
        }
        return new NodeOptions(name, cookie, transport, discovery, all, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withCodec(Codec.Factory factory) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, factory, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withMaxFrameSize(int bytes) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, bytes,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withFailureDetection(Duration silence) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                silence, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withConnectTimeout(Duration timeout) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, timeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withRequestTimeout(Duration timeout) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, timeout, outboundQueueLimit, overflowPolicy, ioThreads, runtime);
    }

    public NodeOptions withOutboundQueue(int limit, OverflowPolicy policy) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, limit, policy, ioThreads, runtime);
    }

    public NodeOptions withIoThreads(IoThreads kind) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, kind, runtime);
    }

    public NodeOptions withRuntime(RuntimeOptions settings) {
        return new NodeOptions(name, cookie, transport, discovery, messageTypes, codec, maxFrameSize,
                failureDetection, connectTimeout, requestTimeout, outboundQueueLimit, overflowPolicy, ioThreads, settings);
    }
}
