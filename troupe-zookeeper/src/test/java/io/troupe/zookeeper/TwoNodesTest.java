package io.troupe.zookeeper;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two real Troupe nodes, each with its own ZooKeeper session, find each other and exchange messages. */
class TwoNodesTest {
    @Test
    void nodesFindAndMessageEachOtherThroughZooKeeper() throws Exception {
        try (TestingServer server = LocalZooKeeper.start()) {
            ZooKeeperOptions options = ZooKeeperOptions.connectTo(server.getConnectString()).withBasePath("/two-nodes");
            try (ZooKeeperDiscovery forPong = ZooKeeperDiscovery.connect(options);
                 ZooKeeperDiscovery forPing = ZooKeeperDiscovery.connect(options);
                 Node pong = Node.start(NodeOptions.named("zkpong@localhost").withCookie("zk-test").withDiscovery(forPong));
                 Node ping = Node.start(NodeOptions.named("zkping@localhost").withCookie("zk-test").withDiscovery(forPing))) {
                assertThat(forPing.lookup(pong.node())).contains(pong.address());

                Pid pingInbox = ping.runtime().spawn(() -> {
                    String hello = Troupe.receive(String.class);
                    Troupe.send(Name.of("inbox", pong.node()), "reply to " + hello);
                });
                ping.runtime().register("inbox", pingInbox);

                // pong has never heard of ping: it looks ping up through its own ZooKeeper session
                String reply = pong.runtime().call(() -> {
                    pong.runtime().register("inbox", Troupe.self());
                    Troupe.send(Name.of("inbox", ping.node()), "hello from pong");
                    return Troupe.receive(String.class, Duration.ofSeconds(10));
                });
                assertThat(reply).isEqualTo("reply to hello from pong");
                assertThat(pong.nodes()).containsExactly(ping.node());
                assertThat(ping.nodes()).containsExactly(pong.node());
            }
        }
    }
}
