package io.troupe.node;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CookieTest {

    @Test
    void differentCookiesDeliverNothingAndBothSidesSaySo_CL10() throws Exception {
        try (Cluster cluster = new Cluster(); LogCapture log = new LogCapture()) {
            Node pong = cluster.start("pong");
            Node ping = cluster.start("ping", options -> options.withCookie("wrong"));
            AtomicInteger received = new AtomicInteger();
            Pid server = pong.runtime().spawn(() -> {
                while (true) {
                    Troupe.receive();
                    received.incrementAndGet();
                }
            });
            pong.runtime().register("pong", server);
            Object reply = ping.runtime().call(() -> {
                Troupe.send(Name.of("pong", pong.node()), new Messages.Ping(Troupe.self(), 1));
                return Troupe.receive(Duration.ofSeconds(1));
            });
            assertThat(reply).isNull();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    log.contains("refused a connection from", "cookie mismatch")
                    && log.contains("cannot connect to node " + pong.node(), "cookie mismatch"));
            assertThat(received.get()).isZero();
            assertThat(ping.nodes()).isEmpty();
            assertThat(pong.nodes()).isEmpty();
            assertThat(pong.stats().refusedConnections()).isPositive();
            assertThat(ping.stats().refusedConnections()).isPositive();
        }
    }

    @Test
    void withoutACookieNodesShareAGeneratedOwnerOnlyCookieFile(@TempDir Path home) throws Exception {
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try (Cluster cluster = new Cluster()) {
            Node a = cluster.start("a", options -> options.withCookie(null));
            Node b = cluster.start("b", options -> options.withCookie(null));
            Path file = home.resolve(".troupe.cookie");
            assertThat(file).exists();
            assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(a.ping(b.node())).isTrue();
        } finally {
            System.setProperty("user.home", previous);
        }
    }

    @Test
    void sameCookieWorks() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node pong = cluster.start("pong", options -> options.withCookie("shared"));
            Node ping = cluster.start("ping", options -> options.withCookie("shared"));
            assertThat(ping.ping(pong.node())).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> pong.nodes().contains(ping.node()));
        }
    }
}
