package io.troupe.node;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Messages.Ping;
import io.troupe.node.Messages.Pong;
import io.troupe.node.spi.Discovery;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Nodes in separate JVMs on 127.0.0.1, found through same-host discovery (no daemon). */
class MultiJvmTest {
    private static final Duration DETECTION = Duration.ofSeconds(2);
    private static final String COOKIE = "multi-jvm";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PREFIX = "m" + ProcessHandle.current().pid() + "x";

    @TempDir
    static Path discoveryDirectory;
    private static ChildJvm shared;

    @BeforeAll
    static void startShared() throws IOException {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        shared = ChildJvm.start(PREFIX + "pong@localhost", COOKIE, discoveryDirectory, DETECTION);
    }

    @AfterAll
    static void stopShared() throws InterruptedException {
        shared.close();
    }

    private static Node localNode(String cookie) throws IOException {
        return Node.start(NodeOptions.named(PREFIX + "local" + SEQUENCE.incrementAndGet() + "@localhost")
                .withCookie(cookie)
                .withDiscovery(Discovery.sameHost(discoveryDirectory))
                .withFailureDetection(DETECTION)
                .withMessageTypes(Messages.TYPES));
    }

    private static ChildJvm child(String name) throws IOException {
        return ChildJvm.start(PREFIX + name + SEQUENCE.incrementAndGet() + "@localhost", COOKIE, discoveryDirectory, DETECTION);
    }

    /** The pid of the "idle" process on {@code child}, as {@code node} sees it. */
    private static Pid idleOf(Node node, ChildJvm child) throws Exception {
        return node.runtime().call(() -> {
            Troupe.send(Name.of("idle", child.node), new Ping(Troupe.self(), 0));
            return Troupe.receive(Pid.class, Duration.ofSeconds(10));
        });
    }

    @Test
    void distributedPingPong_CL4() throws Exception {
        try (Node ping = localNode(COOKIE)) {
            List<String> trace = ping.runtime().call(() -> {
                List<String> seen = new ArrayList<>();
                for (int round = 1; round <= 3; round++) {
                    Troupe.send(Name.of("pong", shared.node), new Ping(Troupe.self(), round));
                    Pong pong = Troupe.receive(Pong.class, Duration.ofSeconds(10));
                    seen.add("ping received pong " + (pong == null ? "none" : pong.round()));
                }
                return seen;
            });
            assertThat(trace).containsExactly("ping received pong 1", "ping received pong 2", "ping received pong 3");
            shared.awaitLine("pong finished", Duration.ofSeconds(10));
            assertThat(shared.lines().stream().filter(line -> line.equals("pong received ping")).count()).isEqualTo(3);
        }
    }

    @Test
    void remoteSpawn_CL9() throws Exception {
        try (Node caller = localNode(COOKIE)) {
            Pid pong = caller.spawn(shared.node, "pong", 3);
            assertThat(pong.node()).isEqualTo(shared.node);
            caller.spawn(shared.node, "ping", pong);
            shared.awaitLine("spawned ping finished", Duration.ofSeconds(10));
            assertThat(shared.lines().stream().filter(line -> line.equals("spawned ping received pong")).count()).isEqualTo(3);
            assertThatThrownBy(() -> caller.spawn(shared.node, "missing"))
                    .isInstanceOf(SpawnException.class).hasMessageContaining("no function 'missing'");
        }
    }

    @Test
    void wrongCookieDeliversNothingAndBothSidesLogIt_CL10() throws Exception {
        try (Node intruder = localNode("not-the-cookie"); LogCapture log = new LogCapture()) {
            Object reply = intruder.runtime().call(() -> {
                Troupe.send(Name.of("idle", shared.node), new Ping(Troupe.self(), 1));
                return Troupe.receive(Duration.ofSeconds(1));
            });
            assertThat(reply).isNull();
            assertThat(intruder.nodes()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("cannot connect to node " + shared.node, "cookie mismatch"));
            shared.awaitLine(line -> line.contains("refused a connection from") && line.contains("cookie mismatch")
                    && line.contains(intruder.node()), Duration.ofSeconds(5));
        }
    }

    @Test
    void nodeMonitorGetsNodeDownNamingTheNode_CL11() throws Exception {
        ChildJvm pong = child("monitored");
        try (Node ping = localNode(COOKIE)) {
            assertThat(ping.ping(pong.node)).isTrue();
            NodeDown down = ping.runtime().call(() -> {
                ping.monitorNode(pong.node);
                pong.send("close");
                return Troupe.receive(NodeDown.class, Duration.ofSeconds(10));
            });
            assertThat(down).isEqualTo(new NodeDown(pong.node, ExitReason.NOCONNECTION));
        } finally {
            pong.close();
        }
    }

    @Test
    void killMinus9FiresLinksAndMonitorsWithNoconnectionInTime() throws Exception {
        ChildJvm victim = child("victim");
        try (Node watcher = localNode(COOKIE)) {
            Pid remote = idleOf(watcher, victim);
            Object[] seen = watcher.runtime().call(() -> {
                Troupe.trapExit(true);
                Troupe.link(remote);
                Troupe.monitor(remote);
                watcher.monitorNode(victim.node);
                Troupe.send(Name.of("idle", victim.node), new Ping(Troupe.self(), 1));
                Troupe.receive(Pid.class, Duration.ofSeconds(10)); // the link and monitor are in place
                long killed = System.nanoTime();
                victim.kill();
                Exit exit = Troupe.receive(Exit.class, DETECTION.plusSeconds(3));
                Down down = Troupe.receive(Down.class, DETECTION.plusSeconds(3));
                NodeDown nodeDown = Troupe.receive(NodeDown.class, DETECTION.plusSeconds(3));
                return new Object[] {exit, down, nodeDown, Duration.ofNanos(System.nanoTime() - killed)};
            });
            assertThat(((Exit) seen[0]).reason()).isEqualTo(ExitReason.NOCONNECTION);
            assertThat(((Exit) seen[0]).from()).isEqualTo(remote);
            assertThat(((Down) seen[1]).reason()).isEqualTo(ExitReason.NOCONNECTION);
            assertThat(seen[2]).isEqualTo(new NodeDown(victim.node, ExitReason.NOCONNECTION));
            assertThat((Duration) seen[3]).isLessThan(DETECTION.plusSeconds(1));
            assertThat(Discovery.sameHost(discoveryDirectory).lookup(victim.node)).as("stale entry ignored").isEmpty();
        } finally {
            victim.close();
        }
    }

    @Test
    void globalRegistryWithThreeNodesIncludingTheRace_CL12() throws Exception {
        ChildJvm first = child("g");
        ChildJvm second = child("g");
        try (Node local = localNode(COOKIE)) {
            assertThat(local.ping(first.node)).isTrue();
            assertThat(local.ping(second.node)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> local.nodes().size() == 2);
            first.send("ping " + second.node);
            first.awaitLine("ping " + second.node + " true", Duration.ofSeconds(10));

            first.send("register-global leaf");
            String registered = first.awaitLine("registered leaf", Duration.ofSeconds(10));
            assertThat(registered).startsWith("registered leaf true");
            await().atMost(Duration.ofSeconds(5)).until(() -> local.whereisGlobal("leaf").isPresent());
            assertThat(local.whereisGlobal("leaf").orElseThrow().node()).isEqualTo(first.node);
            second.send("whereis leaf");
            assertThat(second.awaitLine("whereis leaf", Duration.ofSeconds(5))).contains(first.node);

            second.send("unregister-global leaf");
            second.awaitLine("unregistered leaf true", Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> local.whereisGlobal("leaf").isEmpty());

            for (int round = 0; round < 10; round++) {
                String name = "race" + round;
                first.send("register-global " + name);
                second.send("register-global " + name);
                String a = first.awaitLine("registered " + name + " ", Duration.ofSeconds(15));
                String b = second.awaitLine("registered " + name + " ", Duration.ofSeconds(15));
                assertThat(a.contains(" true ") ^ b.contains(" true ")).as(a + " / " + b).isTrue();
                String winner = a.contains(" true ") ? first.node : second.node;
                await().atMost(Duration.ofSeconds(5)).until(() -> local.whereisGlobal(name).isPresent());
                assertThat(local.whereisGlobal(name).orElseThrow().node()).isEqualTo(winner);
            }

            first.kill();
            await().atMost(DETECTION.plusSeconds(3)).until(() ->
                    local.globalNames().stream().noneMatch(name -> local.whereisGlobal(name).map(p -> p.node().equals(first.node)).orElse(false)));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void garbageAndOversizedFramesDoNotStopANode() throws Exception {
        URI address = Discovery.sameHost(discoveryDirectory).lookup(shared.node).orElseThrow();
        for (int i = 0; i < 5; i++) {
            try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(address.getHost(), address.getPort()))) {
                socket.write(ByteBuffer.wrap(("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + i).getBytes()));
                ByteBuffer header = ByteBuffer.allocate(64).putInt(Integer.MAX_VALUE).put((byte) 1).flip();
                socket.write(header);
            }
        }
        try (Node friend = localNode(COOKIE)) {
            Pid idle = idleOf(friend, shared);
            assertThat(idle.node()).isEqualTo(shared.node);
        }
        shared.awaitLine(line -> line.contains("not a Troupe node"), Duration.ofSeconds(5));
    }
}
