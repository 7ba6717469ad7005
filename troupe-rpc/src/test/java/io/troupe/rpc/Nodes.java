package io.troupe.rpc;

import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.spi.Discovery;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Nodes for a test, in this JVM, found through one in-memory discovery; closed together. */
final class Nodes implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    final Discovery discovery;
    private final List<Node> nodes = new ArrayList<>();
    private final String prefix = "r" + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet();

    Nodes() {
        this(Discovery.inMemory());
    }

    Nodes(Discovery discovery) {
        this.discovery = discovery;
    }

    static NodeOptions options(String name, Discovery discovery) {
        return NodeOptions.named(name + "@localhost")
                .withCookie("rpc-test")
                .withDiscovery(discovery)
                .withFailureDetection(Duration.ofMillis(1000))
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    Node start(String name) {
        try {
            Node node = Node.start(options(prefix + name, discovery));
            nodes.add(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Node node : nodes.reversed()) node.close();
    }
}
