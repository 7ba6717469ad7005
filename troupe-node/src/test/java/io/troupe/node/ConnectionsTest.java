package io.troupe.node;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionsTest {

    private static Pid counter(Node node, AtomicInteger count) {
        Pid pid = node.runtime().spawn(() -> {
            while (true) {
                Troupe.receive();
                count.incrementAndGet();
            }
        });
        node.runtime().register("counter", pid);
        return pid;
    }

    @Test
    void manyFirstSendsAtOnceMakeOneConnection() throws Exception {
        try (Cluster cluster = new Cluster(); LogCapture log = new LogCapture()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            AtomicInteger count = new AtomicInteger();
            counter(b, count);
            int senders = 200;
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < senders; i++) {
                a.runtime().spawn(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    Troupe.send(Name.of("counter", b.node()), "hello");
                });
            }
            go.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> count.get() == senders);
            assertThat(log.lines().stream().filter(ConnectionsTest::isConnectionUp).count()).isEqualTo(2);
            assertThat(a.stats().refusedConnections() + b.stats().refusedConnections()).isZero();
        }
    }

    @RepeatedTest(5)
    void nodesDialingEachOtherAtOnceEndWithOneConnection() throws Exception {
        try (Cluster cluster = new Cluster(); LogCapture log = new LogCapture()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            AtomicInteger atA = new AtomicInteger();
            AtomicInteger atB = new AtomicInteger();
            counter(a, atA);
            counter(b, atB);
            CountDownLatch go = new CountDownLatch(1);
            List<Pid> senders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                senders.add(a.runtime().spawn(() -> sendAfter(go, Name.of("counter", b.node()))));
                senders.add(b.runtime().spawn(() -> sendAfter(go, Name.of("counter", a.node()))));
            }
            go.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> atA.get() == 20 && atB.get() == 20);
            assertThat(a.nodes()).containsExactly(b.node());
            assertThat(b.nodes()).containsExactly(a.node());
            assertThat(log.lines().stream().filter(ConnectionsTest::isConnectionUp).count())
                    .as(String.join("\n", log.lines())).isEqualTo(2);
        }
    }

    static boolean isConnectionUp(String logLine) {
        return logLine.matches(".* connected to .* \\((dialed|accepted) .*");
    }

    private static void sendAfter(CountDownLatch go, Name to) {
        try {
            go.await();
        } catch (InterruptedException e) {
            return;
        }
        Troupe.send(to, "hi");
    }

    @Test
    void fullMeshTellsNewPeersAboutKnownNodes() {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Node c = cluster.start("c");
            assertThat(a.ping(b.node())).isTrue();
            assertThat(c.ping(a.node())).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    a.nodes().size() == 2 && b.nodes().size() == 2 && c.nodes().size() == 2);
        }
    }
}
