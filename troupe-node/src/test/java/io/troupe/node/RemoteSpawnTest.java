package io.troupe.node;

import io.troupe.Down;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Messages.Ping;
import io.troupe.node.Messages.Pong;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RemoteSpawnTest {

    static void registerPingPong(Node node, List<String> trace) {
        node.registerFunction("pong", args -> {
            int rounds = (Integer) args.get(0);
            for (int i = 0; i < rounds; i++) {
                Ping ping = Troupe.receive(Ping.class);
                trace.add("pong received ping");
                Troupe.send(ping.from(), new Pong(ping.round()));
            }
            trace.add("pong finished");
        });
        node.registerFunction("ping", args -> {
            Pid pong = (Pid) args.get(0);
            Troupe.monitor(pong);
            for (int round = 1; ; round++) {
                Troupe.send(pong, new Ping(Troupe.self(), round));
                Object reply = Troupe.receive(message -> message instanceof Pong || message instanceof Down);
                if (reply instanceof Down) break;
                trace.add("ping received pong");
            }
            trace.add("ping finished");
        });
    }

    @Test
    void spawnByRegisteredNameOnAnotherNode_CL9() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node remote = cluster.start("remote");
            Node caller = cluster.start("caller");
            List<String> trace = new CopyOnWriteArrayList<>();
            registerPingPong(remote, trace);
            Pid pong = caller.spawn(remote.node(), "pong", 3);
            assertThat(pong.node()).isEqualTo(remote.node());
            caller.spawn(remote.node(), "ping", pong);
            await().atMost(Duration.ofSeconds(10)).until(() -> trace.contains("ping finished"));
            assertThat(trace.stream().filter(line -> line.startsWith("pong")))
                    .containsExactly("pong received ping", "pong received ping", "pong received ping", "pong finished");
            assertThat(trace.stream().filter(line -> line.startsWith("ping")))
                    .containsExactly("ping received pong", "ping received pong", "ping received pong", "ping finished");
        }
    }

    @Test
    void unknownFunctionIsAClearError() {
        try (Cluster cluster = new Cluster()) {
            Node remote = cluster.start("remote");
            Node caller = cluster.start("caller");
            assertThatThrownBy(() -> caller.spawn(remote.node(), "nope"))
                    .isInstanceOf(SpawnException.class)
                    .hasMessageContaining("no function 'nope'").hasMessageContaining(remote.node());
            assertThatThrownBy(() -> caller.spawn(caller.node(), "nope"))
                    .isInstanceOf(SpawnException.class).hasMessageContaining("no function 'nope'");
        }
    }

    @Test
    void unreachableNodeIsAClearError() {
        try (Cluster cluster = new Cluster()) {
            Node caller = cluster.start("caller");
            assertThatThrownBy(() -> caller.spawn("ghost@nowhere", "pong", 1))
                    .isInstanceOf(SpawnException.class)
                    .hasMessageContaining("ghost@nowhere").hasMessageContaining("not reachable");
        }
    }

    @Test
    void argumentsThatCannotCrossAreAClearError() {
        try (Cluster cluster = new Cluster()) {
            Node remote = cluster.start("remote");
            Node caller = cluster.start("caller");
            remote.registerFunction("any", args -> { });
            assertThatThrownBy(() -> caller.spawn(remote.node(), "any", new Messages.Secret("x")))
                    .isInstanceOf(SpawnException.class)
                    .hasMessageContaining(Messages.Secret.class.getName());
        }
    }

    @Test
    void spawnOnOwnNodeRunsLocally() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node node = cluster.start("solo");
            node.registerFunction("echo", args -> Troupe.send((Pid) args.get(0), args.get(1)));
            Object echoed = node.runtime().call(() -> {
                node.spawn(node.node(), "echo", Troupe.self(), "hi");
                return Troupe.receive(Duration.ofSeconds(5));
            });
            assertThat(echoed).isEqualTo("hi");
        }
    }
}
