package io.troupe.bench;

import io.troupe.node.IoThreads;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.spi.Discovery;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The Troupe nodes of the two-JVM suites (nodes, rpc): same-host discovery, I/O threads from {@code -Dbench.io}. */
public final class BenchNodes {
    private BenchNodes() {
    }

    public static Node start(String name, Path discovery, Class<?>... messageTypes) throws IOException {
        return Node.start(NodeOptions.named(name)
                .withCookie("bench")
                .withDiscovery(Discovery.sameHost(discovery))
                .withFailureDetection(Duration.ofSeconds(10))
                .withIoThreads(IoThreads.valueOf(System.getProperty("bench.io", "PLATFORM")))
                .withMessageTypes(messageTypes));
    }
}
