package io.troupe.node;

import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Erlang's monitor_nodes: NodeUp when a connection comes up, NodeDown when it goes. */
class MonitorNodesTest {

    @Test
    void aSubscriberHearsNodesComeAndGo() {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            List<Object> heard = new CopyOnWriteArrayList<>();
            a.runtime().spawn(() -> {
                Node.of(Troupe.runtime()).orElseThrow().monitorNodes(true);
                Troupe.send(Troupe.self(), "subscribed");
                for (int i = 0; i < 10; i++) {
                    Object m = Troupe.receive(Duration.ofSeconds(10));
                    if (m == null) return;
                    heard.add(m);
                }
            });
            await().until(() -> heard.contains("subscribed"));
            assertThat(a.ping(b.node())).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(new NodeUp(b.node())));
            b.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(m -> m instanceof NodeDown d && d.node().equals(b.node())));
            assertThat(heard.indexOf(new NodeUp(b.node()))).isLessThan(heard.size() - 1);
        }
    }
}
