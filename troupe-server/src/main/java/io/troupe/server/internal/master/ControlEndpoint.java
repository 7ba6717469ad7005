package io.troupe.server.internal.master;

import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.Transport;
import io.troupe.node.spi.Discovery;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceSpec;
import io.troupe.server.config.MasterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The master's node, {@code <master id>@<master host>}, listening on {@code master.json}'s host and
 * port, with the RPC service {@value #SERVICE}: {@value #LIST} returns {@link ManagedServers#list()},
 * {@value #STOP} stops the servers ({@link ManagedServers#stop()}) and returns {@code true}. After a
 * stop, {@link #awaitStopped()} returns and the owner closes the endpoint.
 */
public final class ControlEndpoint implements AutoCloseable {
    public static final String SERVICE = "master";
    public static final String LIST = "list";
    public static final String STOP = "stop";
    private static final Logger LOG = LoggerFactory.getLogger(ControlEndpoint.class);

    private final Node node;
    private final Discovery discovery;
    private final AtomicReference<ManagedServers> servers = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Service service;

    private ControlEndpoint(Node node, Discovery discovery) {
        this.node = node;
        this.discovery = discovery;
    }

    /** The node name of {@code master}: {@code id@host}. */
    public static String nodeName(MasterConfig master) {
        return master.id() + "@" + master.host();
    }

    /**
     * Starts the master's node (not yet serving {@value #SERVICE}: see {@link #serve}). It owns
     * {@code discovery} and closes it with the node.
     * @throws IOException if the master's port is taken (another app or master is running there)
     */
    public static ControlEndpoint start(MasterConfig master, Discovery discovery, String cookie) throws IOException {
        NodeOptions options = NodeOptions.named(nodeName(master)).withDiscovery(discovery)
                .withTransport(Transport.tcp(master.host(), master.port()));
        if (cookie != null) options = options.withCookie(cookie);
        try {
            return new ControlEndpoint(Node.start(options), discovery);
        } catch (IOException | RuntimeException e) {
            discovery.close();
            throw e;
        }
    }

    public Node node() {
        return node;
    }

    /** The node's discovery. */
    public Discovery discovery() {
        return discovery;
    }

    /** Serves {@value #SERVICE} for {@code managed}. */
    public void serve(ManagedServers managed) {
        servers.set(managed);
        service = Rpc.of(node).serve(ServiceSpec.named(SERVICE)
                .function(LIST, args -> managed.list())
                .function(STOP, args -> {
                    LOG.info("stop requested");
                    stop();
                    return true;
                }));
    }

    /** Stops the servers (if serving) and releases {@link #awaitStopped()}; idempotent. */
    public void stop() {
        ManagedServers managed = servers.get();
        if (managed != null) managed.stop();
        stopped.countDown();
    }

    /** Waits until {@link #stop()} has run. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (service != null) service.close();
        node.close();
        discovery.close();
    }
}
