package io.troupe.node;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LinksAcrossNodesTest {

    private static Pid idle(Node node) {
        return node.runtime().spawn(() -> Troupe.receive(Messages.Stop.class));
    }

    @Test
    void linkedRemoteCrashKillsLocalProcess() {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Pid remote = Cluster.seenFrom(a, b, b.runtime().spawn(() -> {
                Troupe.receive(Messages.Stop.class);
                Troupe.exit("boom");
            }));
            Pid local = a.runtime().spawn(() -> {
                Troupe.link(remote);
                Troupe.receive();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> b.nodes().contains(a.node()));
            a.runtime().send(remote, new Messages.Stop());
            await().atMost(Duration.ofSeconds(5)).until(() -> !a.runtime().isAlive(local));
        }
    }

    @Test
    void trapExitTurnsRemoteExitIntoMessage_andMonitorDeliversDown() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Pid remote = Cluster.seenFrom(a, b, b.runtime().spawn(() -> {
                Troupe.receive(Messages.Stop.class);
                Troupe.exit(new IllegalStateException("bad state"));
            }));
            Object[] seen = a.runtime().call(() -> {
                Troupe.trapExit(true);
                Troupe.link(remote);
                Ref ref = Troupe.monitor(remote);
                Troupe.send(remote, new Messages.Stop());
                Exit exit = Troupe.receive(Exit.class, Duration.ofSeconds(5));
                Down down = Troupe.receive(Down.class, Duration.ofSeconds(5));
                return new Object[] {exit, down, ref};
            });
            Exit exit = (Exit) seen[0];
            Down down = (Down) seen[1];
            assertThat(exit.from()).isEqualTo(remote);
            assertThat(exit.reason()).isInstanceOf(ExitReason.Failure.class);
            ExitReason.Failure failure = (ExitReason.Failure) exit.reason();
            assertThat(failure.type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(failure.message()).isEqualTo("bad state");
            assertThat(failure.cause()).isNull();
            assertThat(down.ref()).isEqualTo(seen[2]);
            assertThat(down.pid()).isEqualTo(remote);
            assertThat(down.reason()).isEqualTo(exit.reason());
        }
    }

    @Test
    void exitSignalToRemoteProcess() {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Pid remote = idle(b);
            a.runtime().run(() -> Troupe.exit(remote, ExitReason.KILL));
            await().atMost(Duration.ofSeconds(5)).until(() -> !b.runtime().isAlive(remote));
        }
    }

    @Test
    void monitorOfDeadRemoteProcessIsNoproc() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Pid gone = b.runtime().spawn(() -> { });
            await().atMost(Duration.ofSeconds(5)).until(() -> !b.runtime().isAlive(gone));
            Down down = a.runtime().call(() -> {
                Troupe.monitor(gone);
                return Troupe.receive(Down.class, Duration.ofSeconds(5));
            });
            assertThat(down.reason()).isEqualTo(ExitReason.NOPROC);
        }
    }

    @Test
    void lostNodeFiresLinksMonitorsAndNodeMonitors_CL11() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Node b = cluster.start("b");
            Pid remote = Cluster.seenFrom(a, b, b.runtime().spawn(() -> {
                while (true) {
                    if (Troupe.receive() instanceof Messages.Ping ping) Troupe.send(ping.from(), new Messages.Pong(ping.round()));
                }
            }));
            CompletableFuture<Object[]> seen = new CompletableFuture<>();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            a.runtime().spawn(() -> {
                Troupe.trapExit(true);
                Troupe.link(remote);
                Troupe.monitor(remote);
                a.monitorNode(b.node());
                Troupe.send(remote, new Messages.Ping(Troupe.self(), 1)); // after the link and monitor, in order
                Troupe.receive(Messages.Pong.class, Duration.ofSeconds(5));
                ready.complete(null);
                Object[] got = {Troupe.receive(Exit.class, Duration.ofSeconds(10)),
                        Troupe.receive(Down.class, Duration.ofSeconds(10)),
                        Troupe.receive(NodeDown.class, Duration.ofSeconds(10))};
                seen.complete(got);
            });
            ready.get(10, TimeUnit.SECONDS);
            b.close();
            Object[] got = seen.get(10, TimeUnit.SECONDS);
            assertThat(((Exit) got[0]).reason()).isIn(ExitReason.NOCONNECTION, ExitReason.SHUTDOWN);
            assertThat(((Down) got[1]).reason()).isIn(ExitReason.NOCONNECTION, ExitReason.SHUTDOWN);
            assertThat(got[2]).isEqualTo(new NodeDown(b.node(), ExitReason.NOCONNECTION));
        }
    }

    @Test
    void monitorNodeOfUnknownNodeFiresAtOnce() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            NodeDown down = a.runtime().call(() -> {
                a.monitorNode("nobody@nowhere");
                return Troupe.receive(NodeDown.class, Duration.ofSeconds(5));
            });
            assertThat(down).isEqualTo(new NodeDown("nobody@nowhere", ExitReason.NOCONNECTION));
        }
    }

    @Test
    void linkToUnreachableNodeFiresNoconnection() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a");
            Exit exit = a.runtime().call(() -> {
                Troupe.trapExit(true);
                Troupe.link(new RemotePids.Fake("ghost@nowhere", 7, 1)); // a node that does not exist
                return Troupe.receive(Exit.class, Duration.ofSeconds(5));
            });
            assertThat(exit.reason()).isEqualTo(ExitReason.NOCONNECTION);
        }
    }
}
