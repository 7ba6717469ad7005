package io.troupe.zookeeper;

import io.troupe.zookeeper.ZooKeeperDiscovery.MembershipListener;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ZooKeeperDiscoveryTest {
    static TestingServer server;
    final List<ZooKeeperDiscovery> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = LocalZooKeeper.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(ZooKeeperDiscovery::close);
    }

    ZooKeeperDiscovery connect(String basePath) throws IOException {
        ZooKeeperDiscovery discovery = ZooKeeperDiscovery.connect(
                ZooKeeperOptions.connectTo(server.getConnectString()).withBasePath(basePath));
        opened.add(discovery);
        return discovery;
    }

    /** Records events as strings, in order. */
    static final class Recorder implements MembershipListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void joined(String node, URI address) {
            events.add("joined " + node + " " + address);
        }

        @Override
        public void left(String node) {
            events.add("left " + node);
        }
    }

    @Test
    void anUnreachableServerIsAClearErrorAfterTheConnectTimeout() {
        int port = LocalZooKeeper.freePort();
        ZooKeeperOptions options = ZooKeeperOptions.connectTo("127.0.0.1:" + port)
                .withConnectTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> ZooKeeperDiscovery.connect(options)).isInstanceOf(IOException.class)
                .hasMessage("ZooKeeper at 127.0.0.1:" + port + " is unreachable: no connection within 300 ms");
    }

    @Test
    void aWatcherSeesTheCurrentMembersThenEveryChangeInOrder() throws Exception {
        ZooKeeperDiscovery a = connect("/watch");
        ZooKeeperDiscovery b = connect("/watch");
        a.publish("first@host", URI.create("tcp://127.0.0.1:4001"));

        Recorder recorder = new Recorder();
        ZooKeeperDiscovery.Watch watch = b.watch(recorder);
        await().untilAsserted(() -> assertThat(recorder.events).containsExactly("joined first@host tcp://127.0.0.1:4001"));

        b.publish("second@host", URI.create("tcp://127.0.0.1:4002"));
        a.withdraw("first@host");
        await().untilAsserted(() -> assertThat(recorder.events).containsExactly(
                "joined first@host tcp://127.0.0.1:4001", "joined second@host tcp://127.0.0.1:4002", "left first@host"));

        watch.close();
        a.publish("third@host", URI.create("tcp://127.0.0.1:4003"));
        Recorder later = new Recorder();
        b.watch(later);
        await().untilAsserted(() -> assertThat(later.events).containsExactlyInAnyOrder(
                "joined second@host tcp://127.0.0.1:4002", "joined third@host tcp://127.0.0.1:4003"));
        assertThat(recorder.events).as("closed watch").hasSize(3);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() throws Exception {
        ZooKeeperDiscovery discovery = connect("/throwing");
        discovery.watch(new MembershipListener() {
            @Override
            public void joined(String node, URI address) {
                throw new IllegalStateException("listener bug (expected in this test)");
            }

            @Override
            public void left(String node) {
            }
        });
        Recorder recorder = new Recorder();
        discovery.watch(recorder);
        discovery.publish("n@host", URI.create("tcp://127.0.0.1:4004"));
        await().untilAsserted(() -> assertThat(recorder.events).containsExactly("joined n@host tcp://127.0.0.1:4004"));
    }

    @Test
    void namesThatAreNotZnodeNamesAreRejected() throws Exception {
        ZooKeeperDiscovery discovery = connect("/names");
        assertThatIllegalArgumentException().isThrownBy(() -> discovery.publish("a/b", URI.create("tcp://127.0.0.1:1")))
                .withMessage("not a node name usable as a znode name: \"a/b\"");
        assertThatIllegalArgumentException().isThrownBy(() -> discovery.lookup(".."));
    }

    @Test
    void optionsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZooKeeperOptions.connectTo("zk:2181").withBasePath("troupe"));
        assertThatIllegalArgumentException().isThrownBy(() -> ZooKeeperOptions.connectTo("zk:2181").withBasePath("/"));
        assertThatIllegalArgumentException().isThrownBy(() -> ZooKeeperOptions.connectTo(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> ZooKeeperOptions.connectTo("zk:2181")
                .withSessionTimeout(Duration.ZERO));
        assertThat(ZooKeeperOptions.connectTo("zk:2181")).isEqualTo(new ZooKeeperOptions("zk:2181", "/troupe/nodes",
                Duration.ofSeconds(15), Duration.ofSeconds(10)));
    }

    @Test
    void aClosedInstanceRefusesWork() throws Exception {
        ZooKeeperDiscovery discovery = connect("/closed");
        discovery.close();
        assertThatThrownBy(() -> discovery.lookup("n@host")).isInstanceOf(IllegalStateException.class);
        discovery.withdraw("n@host");
    }
}
