package io.troupe.node.internal;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.NodeStats;
import io.troupe.node.RemoteFunction;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.Discovery;
import io.troupe.spi.RuntimeEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/*
 * Overview: a node is a runtime plus everything that connects it to other nodes:
 *
 *   Distributor ──► Connections ──► Connection ──► FrameWriter ──► socket ──► peer's FrameReader
 *   (the runtime's       (one per peer;    (queue, state)                       ──► peer's RuntimeEndpoint
 *    Distribution)        dial on demand)
 *
 * plus Handshakes (dial and accept), Heartbeat (liveness), NodeMonitors, RemoteSpawner, the global
 * names (GlobalNames, GlobalProtocol, GlobalWatcher) and Requests (request/reply over CONTROL
 * frames). This class wires them together and implements the Node API; the parts hold the logic.
 */
final class NodeImpl implements Node {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final NodeOptions options;
    private final TroupeRuntime runtime;
    private final RuntimeEndpoint endpoint;
    private final Discovery discovery;
    private final boolean ownsDiscovery;
    private final Counters counters = new Counters();
    private final Connections connections = new Connections(this);
    private final Handshakes handshakes = new Handshakes(this);
    private final Requests requests = new Requests(this);
    private final NodeMonitors nodeMonitors = new NodeMonitors(this);
    private final RemoteSpawner spawner = new RemoteSpawner(this);
    private final GlobalNames globalNames = new GlobalNames(this);
    private final GlobalProtocol globalProtocol = new GlobalProtocol(this, globalNames);
    private final Peers peers = new Peers(this);
    private final RateLimitedLog rateLimited = new RateLimitedLog(LOG);
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Codec.Context codecContext;
    private volatile WireListener listener;
    private volatile Identity identity;
    private volatile GlobalWatcherRef watcher;

    NodeImpl(NodeOptions options, String name, byte[] cookie, TroupeRuntime runtime, Discovery discovery, boolean ownsDiscovery) {
        this.options = options;
        this.runtime = runtime;
        this.discovery = discovery;
        this.ownsDiscovery = ownsDiscovery;
        this.endpoint = RuntimeEndpoint.attach(runtime, new Distributor(this));
        this.scheduler = Heartbeat.newScheduler(name);
        this.identity = new Identity(name, endpoint.creation(), cookie, null, "");
        this.codecContext = new CodecContext(endpoint, MessageTypes.withProvided(options.messageTypes()));
    }

    /** Listens, publishes, starts heartbeats. */
    void start() throws IOException {
        String fingerprint = newCodec().fingerprint(); // and fail fast on a codec that cannot be built
        watcher = new GlobalWatcherRef(runtime, runtime.spawn(new GlobalWatcher(globalProtocol)));
        listener = Transports.listen(options.transport(), node());
        identity = new Identity(identity.node(), identity.creation(), identity.cookie(), listener.address(), fingerprint);
        Thread.ofVirtual().name("troupe-listener-" + node()).start(this::acceptLoop);
        discovery.publish(node(), listener.address());
        Heartbeat.start(this);
        LOG.info("node {} is up at {}", node(), listener.address());
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                handshakes.accept(listener.accept());
            } catch (IOException e) {
                if (!closed.get()) LOG.warn("node {} stopped accepting connections: {}", node(), e.toString());
                return;
            }
        }
    }

    // ---------------------------------------------------------------- parts

    NodeOptions options() { return options; }
    RuntimeEndpoint endpoint() { return endpoint; }
    Counters counters() { return counters; }
    Connections connections() { return connections; }
    Requests requests() { return requests; }
    ScheduledExecutorService scheduler() { return scheduler; }
    Identity identity() { return identity; }
    GlobalWatcherRef globalWatcher() { return watcher; }
    Logger log() { return LOG; }
    Peers peers() { return peers; }
    Discovery discovery() { return discovery; }
    NodeMonitors nodeMonitors() { return nodeMonitors; }
    GlobalNames globalTable() { return globalNames; }
    GlobalProtocol globalProtocol() { return globalProtocol; }
    RemoteSpawner spawner() { return spawner; }
    boolean isClosed() { return closed.get(); }
    int creation() { return identity.creation(); }

    Codec newCodec() {
        return options.codec().create(codecContext);
    }

    void warnRateLimited(String key, String message, Throwable cause) {
        rateLimited.warn(key, message, cause);
    }

    void dial(Connection connection) {
        handshakes.dial(connection);
    }

    /** Reports {@code peer} down again, off the caller's stack (see Distributor). */
    void nodeDownLater(String peer) {
        if (!closed.get()) scheduler.execute(() -> endpoint.nodeDown(peer));
    }

    void droppedToName(String name, String from) {
        if (LOG.isDebugEnabled()) LOG.debug("dropped a message from {} to '{}': no process has that name here", from, name);
    }

    // ---------------------------------------------------------------- Node API

    @Override public String node() { return identity.node(); }
    @Override public TroupeRuntime runtime() { return runtime; }
    @Override public URI address() { return listener.address(); }
    @Override public Set<String> nodes() { return connections.activeNodes(); }

    @Override
    public boolean ping(String peer) {
        if (peer.equals(node())) return true;
        Connection connection = connections.forNode(peer);
        if (connection == null) return false;
        try {
            return connection.up.get(options.connectTimeout().toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void monitorNode(String peer) {
        nodeMonitors.monitor(peer, io.troupe.Troupe.self());
    }

    @Override
    public boolean demonitorNode(String peer) {
        return nodeMonitors.demonitor(peer, io.troupe.Troupe.self());
    }

    @Override
    public void monitorNodes(boolean on) {
        nodeMonitors.subscribe(io.troupe.Troupe.self(), on);
    }

    @Override
    public void registerFunction(String name, RemoteFunction function) {
        spawner.register(name, function);
    }

    @Override
    public Pid spawn(String peer, String function, Object... args) {
        return spawner.spawn(peer, function, Arrays.asList(args));
    }

    @Override
    public Pid spawn(String peer, String function, List<?> args) {
        return spawner.spawn(peer, function, args);
    }

    @Override
    public boolean registerGlobal(String name, Pid pid) {
        return globalProtocol.register(name, pid);
    }

    @Override
    public Optional<Pid> whereisGlobal(String name) {
        return globalNames.whereis(name);
    }

    @Override
    public boolean unregisterGlobal(String name) {
        return globalProtocol.unregister(name);
    }

    @Override
    public Set<String> globalNames() {
        return globalNames.snapshot();
    }

    @Override
    public NodeStats stats() {
        return new NodeStats(connections.activeNodes().size(), counters.framesSent.sum(), counters.framesReceived.sum(),
                counters.bytesSent.sum(), counters.bytesReceived.sum(), counters.writes.sum(), counters.dropped.sum(),
                counters.rejected.sum(), counters.refused.sum());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            discovery.withdraw(node());
        } catch (IOException e) {
            LOG.warn("node {} could not withdraw from discovery: {}", node(), e.toString());
        }
        if (listener != null) listener.close();
        runtime.close();
        connections.close();
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Connection connection : connections.all()) connection.closeGracefully(deadline);
        scheduler.shutdownNow();
        if (ownsDiscovery) discovery.close();
        Nodes.forget(runtime);
        LOG.info("node {} is down", node());
    }

    @Override
    public String toString() {
        return "Node[" + node() + "]";
    }
}
