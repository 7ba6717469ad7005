package io.troupe.node;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Messages.Numbered;
import io.troupe.node.Messages.Ping;
import io.troupe.node.Messages.Pong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PingPongTest {

    @Test
    void pingPongByNameAcrossNodes_CL4() {
        try (Cluster cluster = new Cluster()) {
            Node pong = cluster.start("pong");
            Node ping = cluster.start("ping");
            List<String> pongTrace = new ArrayList<>();
            Pid server = pong.runtime().spawn(() -> {
                for (int i = 0; i < 3; i++) {
                    Ping p = Troupe.receive(Ping.class);
                    synchronized (pongTrace) {
                        pongTrace.add("pong received ping " + p.round());
                    }
                    Troupe.send(p.from(), new Pong(p.round()));
                }
            });
            pong.runtime().register("pong", server);
            List<String> pingTrace = ping.runtime().call(() -> {
                List<String> trace = new ArrayList<>();
                for (int round = 1; round <= 3; round++) {
                    Troupe.send(Name.of("pong", pong.node()), new Ping(Troupe.self(), round));
                    Pong reply = Troupe.receive(Pong.class, Duration.ofSeconds(5));
                    trace.add("ping received pong " + (reply == null ? "none" : reply.round()));
                }
                return trace;
            });
            assertThat(pingTrace).containsExactly("ping received pong 1", "ping received pong 2", "ping received pong 3");
            assertThat(pongTrace).containsExactly("pong received ping 1", "pong received ping 2", "pong received ping 3");
            assertThat(ping.nodes()).containsExactly(pong.node());
            assertThat(pong.nodes()).containsExactly(ping.node());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(IoThreads.class)
    void messagesFromOneSenderArriveInOrder(IoThreads io) throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a", options -> options.withIoThreads(io));
            Node b = cluster.start("b", options -> options.withIoThreads(io));
            int count = 50_000;
            Pid receiver = Cluster.seenFrom(a, b, b.runtime().spawn(() -> {
                long expected = 0;
                Pid from = null;
                while (expected < count) {
                    Numbered n = Troupe.receive(Numbered.class);
                    if (n.n() != expected) throw new AssertionError("got " + n.n() + " expected " + expected);
                    expected++;
                    from = n.from();
                }
                Troupe.send(from, "done");
            }));
            String done = a.runtime().call(() -> {
                for (long i = 0; i < count; i++) Troupe.send(receiver, new Numbered(Troupe.self(), i));
                return Troupe.receive(String.class, Duration.ofSeconds(20));
            });
            assertThat(done).isEqualTo("done");
            assertThat(a.stats().framesSent()).isGreaterThanOrEqualTo(count);
            assertThat(a.stats().writes()).as("writes are coalesced").isLessThan(count / 4);
        }
    }
}
