package io.troupe.examples.echo;

import io.troupe.app.AppDescriptor;
import io.troupe.app.TroupeApp;
import io.troupe.examples.echo.PingPong.Round;
import io.troupe.supervision.ServiceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** WP-6: ping-pong services; rounds match, and start order does not matter. */
class PingPongServicesTest {
    static final String YAML = """
            namespace: app
            entries:
              - { name: pinger, kind: process, class: io.troupe.examples.echo.PingPong, method: pinger,
                  config: { rounds: 3, period: 1s } }
              - { name: ponger, kind: process, class: io.troupe.examples.echo.PingPong, method: ponger }
              - { name: pinger-service, kind: process.service, process: pinger, lifecycle: { auto_start: true } }
              - { name: ponger-service, kind: process.service, process: ponger }
            """;

    @Test
    void roundsMatch_aboutOneSecondApart_evenWhenThePongerStarts500msAfterThePinger() {
        PingPong.ROUNDS.clear();
        try (TroupeApp app = TroupeApp.start(AppDescriptor.parse(YAML, "ping-pong.yaml", List.of()))) {
            long pongerStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            CompletableFuture.runAsync(() -> app.services().start("app:ponger-service"),
                    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));

            await().atMost(Duration.ofSeconds(10)).until(() -> PingPong.ROUNDS.size() == 3);
            List<Round> rounds = List.copyOf(PingPong.ROUNDS);
            assertThat(rounds).extracting(Round::ping).containsExactly(1, 2, 3);
            assertThat(rounds).allSatisfy(round -> assertThat(round.pong()).isEqualTo(round.ping()));
            assertThat(rounds.getFirst().nanos()).isGreaterThan(pongerStart);
            for (int i = 1; i < rounds.size(); i++) {
                assertThat(Duration.ofNanos(rounds.get(i).nanos() - rounds.get(i - 1).nanos()))
                        .isBetween(Duration.ofMillis(950), Duration.ofMillis(1500));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> app.services().state("app:pinger-service") == ServiceState.EXITED);
            assertThat(app.services().state("app:ponger-service")).isEqualTo(ServiceState.RUNNING);
        }
    }
}
