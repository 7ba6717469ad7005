package io.troupe.node;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.spi.Discovery;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Nodes in this JVM for one test: in-memory discovery, one cookie, fast failure detection. */
final class Cluster implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    final Discovery discovery = Discovery.inMemory();
    private final List<Node> nodes = new ArrayList<>();
    private final String prefix = "t" + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet();

    NodeOptions options(String name) {
        return NodeOptions.named(prefix + name + "@localhost")
                .withCookie("test-cookie")
                .withDiscovery(discovery)
                .withFailureDetection(Duration.ofMillis(1000))
                .withConnectTimeout(Duration.ofSeconds(3))
                .withRequestTimeout(Duration.ofSeconds(3))
                .withMessageTypes(Messages.TYPES);
    }

    Node start(String name) {
        return start(name, UnaryOperator.identity());
    }

    Node start(String name, UnaryOperator<NodeOptions> adjust) {
        try {
            Node node = Node.start(adjust.apply(options(name)));
            synchronized (nodes) {
                nodes.add(node);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code pid} (a process of {@code owner}) as {@code viewer} sees it: decoded from the wire, as
     * user code gets pids of other nodes. In one JVM, the object {@code spawn} returns is the
     * owner's process itself, and troupe-core delivers a send to it directly, bypassing the
     * connection (and so its ordering with links and monitors); tests use the decoded pid.
     */
    static Pid seenFrom(Node viewer, Node owner, Pid pid) {
        String probeName = "pid-probe-" + SEQUENCE.incrementAndGet();
        CompletableFuture<Pid> seen = new CompletableFuture<>();
        Pid probe = viewer.runtime().spawn(() -> seen.complete(Troupe.receive(Pid.class)));
        viewer.runtime().register(probeName, probe);
        owner.runtime().run(() -> Troupe.send(Name.of(probeName, viewer.node()), pid));
        try {
            return seen.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not pass " + pid + " from " + owner.node() + " to " + viewer.node(), e);
        }
    }

    @Override
    public void close() {
        List<Node> all;
        synchronized (nodes) {
            all = List.copyOf(nodes);
        }
        all.reversed().forEach(Node::close);
    }
}
