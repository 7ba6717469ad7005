package io.troupe.zookeeper.internal;

import io.troupe.zookeeper.LocalZooKeeper;
import io.troupe.zookeeper.ZooKeeperDiscovery;
import io.troupe.zookeeper.ZooKeeperOptions;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A node's entry vanishes when its ZooKeeper session expires; the instance then publishes it again. */
class SessionExpiryTest {
    TestingServer server;
    ZooKeeperDiscovery publisher;
    ZooKeeperDiscovery observer;

    @BeforeEach
    void start() throws Exception {
        server = LocalZooKeeper.start();
        ZooKeeperOptions options = ZooKeeperOptions.connectTo(server.getConnectString()).withBasePath("/expiry")
                .withSessionTimeout(Duration.ofMillis(500)).withConnectTimeout(Duration.ofMillis(500));
        publisher = ZooKeeperDiscovery.connect(options);
        observer = ZooKeeperDiscovery.connect(options);
    }

    @AfterEach
    void stop() throws Exception {
        publisher.close();
        observer.close();
        server.close();
    }

    @Test
    void anExpiredSessionsEntryVanishesAndComesBackOnTheNewSession() throws Exception {
        URI address = URI.create("tcp://127.0.0.1:4100");
        publisher.publish("expiring@host", address);
        List<String> events = new CopyOnWriteArrayList<>();
        observer.watch(new ZooKeeperDiscovery.MembershipListener() {
            @Override
            public void joined(String node, URI at) {
                events.add("joined " + node);
            }

            @Override
            public void left(String node) {
                events.add("left " + node);
            }
        });
        await().untilAsserted(() -> assertThat(events).containsExactly("joined expiring@host"));

        KillSession.kill(((CuratorDiscovery) publisher).client().getZookeeperClient().getZooKeeper());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .containsExactly("joined expiring@host", "left expiring@host", "joined expiring@host"));
        assertThat(observer.lookup("expiring@host")).contains(address);
        publisher.withdraw("expiring@host");
        assertThat(observer.lookup("expiring@host")).isEmpty();
    }

    @Test
    void anEntryVanishesWhenItsPublishersSessionEndsWithoutAWithdrawal() throws Exception {
        publisher.publish("crashing@host", URI.create("tcp://127.0.0.1:4101"));
        assertThat(observer.lookup("crashing@host")).isPresent();

        ((CuratorDiscovery) publisher).client().close(); // as a process dying: no withdraw, the session ends

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(observer.lookup("crashing@host")).isEmpty());
        assertThat(observer.list()).doesNotContainKey("crashing@host");
    }
}
