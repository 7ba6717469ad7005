package io.troupe.rpc;

import io.troupe.Troupe;
import io.troupe.node.Node;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Services across nodes: the name service is cluster-wide, calls and messages cross connections. */
class RpcClusterTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static Service plusServer(Rpc rpc) {
        return rpc.serve(ServiceSpec.named("PlusServer").function("Plus", args -> (Integer) args.get(0) + (Integer) args.get(1)));
    }

    @Test
    void aServiceRegisteredOnOneNodeIsCalledFromAnother() { // LN-1, LN-2
        try (Nodes nodes = new Nodes()) {
            Node server = nodes.start("server");
            Node client = nodes.start("client");
            assertThat(client.ping(server.node())).isTrue();
            Rpc clientRpc = Rpc.of(client);
            plusServer(Rpc.of(server));
            await().atMost(Duration.ofSeconds(5)).until(() -> clientRpc.lookup("PlusServer").isPresent());
            ServiceInfo info = clientRpc.lookup("PlusServer").orElseThrow();
            assertThat(info.node()).isEqualTo(server.node());
            assertThat(info.functions()).containsExactly("Plus");

            AtomicInteger ok = new AtomicInteger();
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(100);
            for (int p = 0; p < 100; p++) {
                client.runtime().spawn(() -> {
                    try {
                        for (int k = 0; k < 100; k++) {
                            if (Rpc.current().call("PlusServer", "Plus", List.of(1, 2), Duration.ofSeconds(5)).equals(3)) ok.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    } finally {
                        done.countDown();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> done.getCount() == 0);
            assertThat(errors).isEmpty();
            assertThat(ok).hasValue(10_000);
            assertThat(server.stats().toString()).isNotEmpty();
        }
    }

    @Test
    void aNodeThatConnectsLaterLearnsTheServices() {
        try (Nodes nodes = new Nodes()) {
            Node server = nodes.start("server");
            plusServer(Rpc.of(server));
            Node late = nodes.start("late");
            Rpc lateRpc = Rpc.of(late);
            assertThat(lateRpc.lookup("PlusServer")).isEmpty();
            assertThat(late.ping(server.node())).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> lateRpc.lookup("PlusServer").isPresent());
            assertThat(lateRpc.call("PlusServer", "Plus", List.of(2, 2), SECOND)).isEqualTo(4);
            assertThat(lateRpc.providersOf("Plus")).extracting(ServiceInfo::name).containsExactly("PlusServer");
        }
    }

    @Test
    void aNameIsUniqueInTheClusterEvenWhenNodesRace() {
        try (Nodes nodes = new Nodes()) {
            Node a = nodes.start("a");
            Node b = nodes.start("b");
            assertThat(a.ping(b.node())).isTrue();
            Rpc rpcA = Rpc.of(a);
            Rpc rpcB = Rpc.of(b);
            await().atMost(Duration.ofSeconds(5)).until(() -> rpcA.services().isEmpty() && rpcB.services().isEmpty());
            CompletableFuture<Object> onA = CompletableFuture.supplyAsync(() -> tryServe(rpcA, "Unique"));
            CompletableFuture<Object> onB = CompletableFuture.supplyAsync(() -> tryServe(rpcB, "Unique"));
            List<Object> outcomes = List.of(onA.join(), onB.join());
            assertThat(outcomes).filteredOn(o -> o instanceof Service).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ServiceNameTakenException).hasSize(1);
            Service winner = (Service) outcomes.stream().filter(o -> o instanceof Service).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> rpcA.lookup("Unique").map(ServiceInfo::host).equals(java.util.Optional.of(winner.info().host()))
                    && rpcB.lookup("Unique").map(ServiceInfo::host).equals(java.util.Optional.of(winner.info().host())));
        }
    }

    private static Object tryServe(Rpc rpc, String name) {
        try {
            return rpc.serve(ServiceSpec.named(name).function("f", args -> 1));
        } catch (ServiceNameTakenException e) {
            return e;
        }
    }

    @Test
    void aServiceDisappearsEverywhereWhenItsNodeCloses() {
        try (Nodes nodes = new Nodes()) {
            Node server = nodes.start("server");
            Node client = nodes.start("client");
            assertThat(client.ping(server.node())).isTrue();
            Rpc clientRpc = Rpc.of(client);
            plusServer(Rpc.of(server));
            await().atMost(Duration.ofSeconds(5)).until(() -> clientRpc.lookup("PlusServer").isPresent());
            CompletableFuture<Object> hanging = clientRpc.callAsync("PlusServer", "Plus", List.of(1, 2), SECOND);
            assertThat(hanging).succeedsWithin(SECOND).isEqualTo(3);
            server.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> clientRpc.lookup("PlusServer").isEmpty());
            assertThatThrownBy(() -> clientRpc.call("PlusServer", "Plus", List.of(1, 2), SECOND)).isInstanceOf(NoSuchServiceException.class);
        }
    }

    @Test
    void aClosedServiceIsWithdrawnFromOtherNodes() {
        try (Nodes nodes = new Nodes()) {
            Node server = nodes.start("server");
            Node client = nodes.start("client");
            assertThat(client.ping(server.node())).isTrue();
            Rpc clientRpc = Rpc.of(client);
            Service s = plusServer(Rpc.of(server));
            await().atMost(Duration.ofSeconds(5)).until(() -> clientRpc.lookup("PlusServer").isPresent());
            s.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> clientRpc.lookup("PlusServer").isEmpty());
            plusServer(Rpc.of(client)); // the name is free cluster-wide
        }
    }

    @Test
    void messagesByNameCrossNodesInOrder() { // LN-7
        try (Nodes nodes = new Nodes()) {
            Node a = nodes.start("a");
            Node b = nodes.start("b");
            assertThat(a.ping(b.node())).isTrue();
            Service inbox = Rpc.of(b).serve(ServiceSpec.named("B"));
            Rpc rpcA = Rpc.of(a);
            await().atMost(Duration.ofSeconds(5)).until(() -> rpcA.lookup("B").isPresent());
            a.runtime().run(() -> {
                for (int i = 0; i < 100; i++) Rpc.current().send("B", List.of("hi", i));
            });
            List<Object> got = new ArrayList<>();
            b.runtime().run(() -> {
                for (int i = 0; i < 100; i++) got.add(inbox.take(Duration.ofSeconds(5)));
            });
            assertThat(got).hasSize(100);
            for (int i = 0; i < 100; i++) assertThat(got.get(i)).isEqualTo(List.of("hi", i));
        }
    }

    @Test
    void nestedCallsAcrossThreeNodes() { // LN-8
        try (Nodes nodes = new Nodes()) {
            Node a = nodes.start("a");
            Node b = nodes.start("b");
            Node c = nodes.start("c");
            assertThat(a.ping(b.node()) && a.ping(c.node()) && b.ping(c.node())).isTrue();
            plusServer(Rpc.of(c));
            Rpc.of(b).serve(ServiceSpec.named("Twice").function("plusTwice", args -> {
                Object once = Rpc.current().call("PlusServer", "Plus", args, SECOND);
                Troupe.sleep(Duration.ofMillis(1));
                return Rpc.current().call("PlusServer", "Plus", List.of(once, once), SECOND);
            }));
            Rpc rpcA = Rpc.of(a);
            await().atMost(Duration.ofSeconds(5)).until(() -> rpcA.lookup("Twice").isPresent() && Rpc.of(b).lookup("PlusServer").isPresent());
            assertThat(rpcA.call("Twice", "plusTwice", List.of(1, 2), Duration.ofSeconds(5))).isEqualTo(6);
        }
    }

    @Test
    void routingByKeyAmongServicesOfATypeOnSeveralNodes() {
        try (Nodes nodes = new Nodes()) {
            Node client = nodes.start("client");
            List<Node> chats = List.of(nodes.start("chat1"), nodes.start("chat2"));
            for (int i = 0; i < chats.size(); i++) {
                String name = "chat-server-" + (i + 1);
                assertThat(client.ping(chats.get(i).node())).isTrue();
                Rpc.of(chats.get(i)).serve(ServiceSpec.named(name).withType("chat").function("where", args -> name));
            }
            Rpc rpc = Rpc.of(client);
            await().atMost(Duration.ofSeconds(5)).until(() -> rpc.servicesOfType("chat").size() == 2);
            interface Where {
                String where(String rid);
            }
            Where where = rpc.stub(Where.class, Routing.ofType("chat", Router.byKey(call -> call.arg(0))));
            for (String rid : List.of("r1", "r2", "r3", "r4")) {
                assertThat(where.where(rid)).isEqualTo("chat-server-" + (1 + Router.crc32(rid) % 2));
            }
        }
    }
}
