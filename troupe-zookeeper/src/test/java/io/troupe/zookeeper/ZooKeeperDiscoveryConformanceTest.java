package io.troupe.zookeeper;

import io.troupe.node.spi.Discovery;
import io.troupe.node.spi.DiscoveryConformance;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** troupe-node's conformance suite against a real ZooKeeper; every instance has its own session. */
class ZooKeeperDiscoveryConformanceTest extends DiscoveryConformance {
    static TestingServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LocalZooKeeper.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Discovery create() throws Exception {
        return ZooKeeperDiscovery.connect(ZooKeeperOptions.connectTo(server.getConnectString()).withBasePath("/conformance"));
    }

    @Override
    protected Discovery sibling(Discovery first) throws Exception {
        return track(create()); // closed after the test, even where the suite does not track it
    }
}
