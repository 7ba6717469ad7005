package io.troupe.node;

import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GlobalNamesTest {

    private static Pid idle(Node node) {
        return node.runtime().spawn(() -> Troupe.receive(Messages.Stop.class));
    }

    private static List<Node> mesh(Cluster cluster, String... names) {
        List<Node> nodes = new ArrayList<>();
        for (String name : names) nodes.add(cluster.start(name));
        for (Node node : nodes) {
            for (Node other : nodes) assertThat(node.ping(other.node())).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(n -> n.nodes().size() == nodes.size() - 1));
        return nodes;
    }

    @Test
    void registrationIsVisibleEverywhereAndUnregisterPropagates_CL12() {
        try (Cluster cluster = new Cluster()) {
            List<Node> nodes = mesh(cluster, "root", "internal", "leaf");
            Node leaf = nodes.get(2);
            Pid pid = idle(leaf);
            assertThat(leaf.registerGlobal("leaf", pid)).isTrue();
            for (Node node : nodes) {
                assertThat(node.whereisGlobal("leaf")).as(node.node()).contains(pid);
            }
            assertThat(leaf.registerGlobal("leaf", pid)).as("idempotent").isTrue();
            assertThat(nodes.get(0).unregisterGlobal("leaf")).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(n -> n.whereisGlobal("leaf").isEmpty()));
            assertThat(leaf.registerGlobal("leaf", pid)).isTrue();
            assertThat(nodes.get(1).whereisGlobal("leaf")).contains(pid);
        }
    }

    @Test
    void whenNodesRaceForANameExactlyOneWins_CL12() throws Exception {
        try (Cluster cluster = new Cluster()) {
            List<Node> nodes = mesh(cluster, "r1", "r2", "r3");
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                for (int round = 0; round < 20; round++) {
                    String name = "race" + round;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> results = new ArrayList<>();
                    List<Pid> pids = new ArrayList<>();
                    for (Node node : nodes) {
                        Pid pid = idle(node);
                        pids.add(pid);
                        results.add(threads.submit(() -> {
                            go.await();
                            return node.registerGlobal(name, pid);
                        }));
                    }
                    go.countDown();
                    List<Pid> winners = new ArrayList<>();
                    for (int i = 0; i < results.size(); i++) {
                        if (results.get(i).get(10, TimeUnit.SECONDS)) winners.add(pids.get(i));
                    }
                    assertThat(winners).as("round " + round).hasSize(1);
                    for (Node node : nodes) {
                        await().atMost(Duration.ofSeconds(5)).until(() -> node.whereisGlobal(name).isPresent());
                        assertThat(node.whereisGlobal(name)).contains(winners.getFirst());
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void nameOfAnEndedProcessIsRemovedEverywhere() {
        try (Cluster cluster = new Cluster()) {
            List<Node> nodes = mesh(cluster, "a", "b");
            Pid pid = idle(nodes.get(0));
            assertThat(nodes.get(0).registerGlobal("worker", pid)).isTrue();
            nodes.get(0).runtime().send(pid, new Messages.Stop());
            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.stream().allMatch(n -> n.whereisGlobal("worker").isEmpty()));
        }
    }

    @Test
    void namesOfADeadNodeAreRemoved() {
        try (Cluster cluster = new Cluster()) {
            List<Node> nodes = mesh(cluster, "a", "b", "c");
            Pid pid = idle(nodes.get(2));
            assertThat(nodes.get(2).registerGlobal("doomed", pid)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.get(0).whereisGlobal("doomed").isPresent());
            nodes.get(2).close();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    nodes.get(0).whereisGlobal("doomed").isEmpty() && nodes.get(1).whereisGlobal("doomed").isEmpty());
        }
    }

    @Test
    void aNodeThatConnectsLaterLearnsTheNames() {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Pid pid = idle(a);
            assertThat(a.registerGlobal("early", pid)).isTrue();
            Node late = cluster.start("late");
            assertThat(late.ping(a.node())).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> late.whereisGlobal("early").isPresent());
            assertThat(late.whereisGlobal("early")).contains(pid);
        }
    }
}
