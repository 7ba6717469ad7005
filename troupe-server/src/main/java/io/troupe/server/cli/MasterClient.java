package io.troupe.server.cli;

import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.spi.Discovery;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.RpcException;
import io.troupe.server.internal.master.ControlEndpoint;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A short-lived node ({@code troupe-cli-<pid>}) that reaches a running app's master at a known
 * address (seed discovery) and calls its {@code master} service.
 */
final class MasterClient implements AutoCloseable {
    static final Duration CONNECT = Duration.ofSeconds(10);
    static final Duration LIST = Duration.ofSeconds(10);
    /** Bounds the whole stop: the servers' graceful stops and kills (frontends, then backends). */
    static final Duration STOP = Duration.ofSeconds(60);

    private final Node node;
    private final Rpc rpc;
    private final MasterAddress master;
    private final Discovery seeds;

    private MasterClient(Node node, Discovery seeds, MasterAddress master) {
        this.node = node;
        this.seeds = seeds;
        this.rpc = Rpc.of(node);
        this.master = master;
    }

    /** Thrown when no master answers at the address. */
    static final class NotRunning extends Exception {
        NotRunning(String message) {
            super(message);
        }
    }

    static MasterClient connect(MasterAddress master, String cookie) throws IOException, NotRunning {
        Discovery seeds = Discovery.seeds(Map.of(master.node(), URI.create("tcp://" + master.host() + ":" + master.port())));
        NodeOptions options = NodeOptions.named("troupe-cli-" + ProcessHandle.current().pid()).withDiscovery(seeds);
        if (cookie != null) options = options.withCookie(cookie);
        Node node;
        try {
            node = Node.start(options);
        } catch (IOException | RuntimeException e) {
            seeds.close();
            throw e;
        }
        MasterClient client = new MasterClient(node, seeds, master);
        try {
            client.awaitMaster();
            return client;
        } catch (NotRunning | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void awaitMaster() throws NotRunning {
        if (!node.ping(master.node())) {
            throw new NotRunning("no app is running with master " + master + " (nothing answered there, or the cookie differs)");
        }
        long deadline = System.nanoTime() + CONNECT.toNanos();
        while (rpc.lookup(ControlEndpoint.SERVICE).isEmpty()) {
            if (System.nanoTime() - deadline > 0 || !node.nodes().contains(master.node())) {
                throw new NotRunning("node " + master.node() + " answers but serves no '" + ControlEndpoint.SERVICE + "' service");
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    /** The master's rows, one per server. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
        return (List<Map<String, Object>>) rpc.call(ControlEndpoint.SERVICE, ControlEndpoint.LIST, List.of(), LIST);
    }

    /**
     * Asks the master to stop the app and waits, at most {@link #STOP}, for its answer or its end
     * (it closes its node once the servers are stopped); then waits for its node to go.
     * @return whether the app stopped
     */
    boolean stop() throws InterruptedException {
        long deadline = System.nanoTime() + STOP.toNanos();
        CompletableFuture<Object> answer = rpc.callAsync(ControlEndpoint.SERVICE, ControlEndpoint.STOP, List.of(), STOP);
        try {
            answer.get(STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the master may end (its service, then its node) before its answer leaves: then wait for its node to go
            if (!(e.getCause() instanceof RpcException)) return false;
        } catch (TimeoutException e) {
            return false;
        }
        while (node.nodes().contains(master.node())) {
            if (System.nanoTime() - deadline > 0) return false;
            LockSupport.parkNanos(10_000_000);
        }
        return true;
    }

    @Override
    public void close() {
        node.close();
        seeds.close();
    }
}
