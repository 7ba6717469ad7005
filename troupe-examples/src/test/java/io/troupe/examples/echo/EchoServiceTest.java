package io.troupe.examples.echo;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.troupe.ExitReason;
import io.troupe.NoSuchNameException;
import io.troupe.Pid;
import io.troupe.TopicMessage;
import io.troupe.Troupe;
import io.troupe.app.AppDescriptor;
import io.troupe.app.EntryId;
import io.troupe.app.TroupeApp;
import io.troupe.examples.echo.EchoProtocol.Request;
import io.troupe.examples.echo.EchoProtocol.Response;
import io.troupe.supervision.ServiceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** WP-1 (c), (d), (g), (h) with the real relay service, in this JVM. */
class EchoServiceTest {
    static final EntryId CLI = EntryId.parse("app:cli");
    static final String SERVICE = "app:relay-service";

    static TroupeApp start(String... overrides) {
        return TroupeApp.start(AppDescriptor.load(TroupeCli.echoYaml(), List.of(overrides)));
    }

    static Pid awaitRelay(TroupeApp app) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("relay"), Optional::isPresent).get();
    }

    @Test
    void c_relayCountsMessagesAndWorkers_andEveryWorkerExitsNormally() throws Exception {
        try (LogCapture log = new LogCapture(Relay.class);
             TroupeApp app = start("app:relay.config.stats_interval=200ms")) {
            awaitRelay(app);
            List<Response> responses = app.runtime().call(() -> {
                for (int i = 1; i <= 3; i++) Troupe.send(EchoProtocol.RELAY, EchoProtocol.ECHO, new Request(Troupe.self(), "m" + i, i));
                List<Response> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add((Response) Troupe.receive(TopicMessage.class, Duration.ofSeconds(5)).payload());
                }
                return got;
            });
            assertThat(responses).extracting(Response::data).containsExactlyInAnyOrder("M1", "M2", "M3");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(log.messages("stats ")).contains("stats messages=3 workers_spawned=3");
                assertThat(log.messages("worker exited ")).hasSize(3);
            });
            for (Response response : responses) {
                assertThat(log.messages("worker exited ")).contains("worker exited from=" + response.worker() + " reason=normal");
                assertThat(app.runtime().isAlive(response.worker())).isFalse();
            }
        }
    }

    @Test
    void d_statsAreLoggedEveryFiveSeconds() {
        try (LogCapture log = new LogCapture(Relay.class); TroupeApp app = start()) {
            awaitRelay(app);
            await().atMost(Duration.ofSeconds(12)).until(() -> log.messages("stats ").size() >= 2);
            List<ILoggingEvent> stats = log.events().stream()
                    .filter(e -> e.getFormattedMessage().startsWith("stats ")).toList();
            assertThat(stats.getFirst().getFormattedMessage()).isEqualTo("stats messages=0 workers_spawned=0");
            long gap = stats.get(1).getTimeStamp() - stats.get(0).getTimeStamp();
            assertThat(gap).isBetween(4_500L, 5_500L);
        }
    }

    @Test
    void g_aCrashedRelayIsRestartedAfterAboutOneSecond_andTheClientsNextSendSucceeds() throws Exception {
        try (TroupeApp app = start()) {
            Pid first = awaitRelay(app);
            ConsoleStub console = new ConsoleStub();
            CompletableFuture<Integer> client = exec(app, console);
            console.await(line -> line.startsWith("Type messages"), Duration.ofSeconds(10));
            console.type("one");
            console.await(line -> line.equals("  ONE"), Duration.ofSeconds(5));

            long crashed = System.nanoTime();
            app.runtime().exit(first, ExitReason.of(new IllegalStateException("injected crash")));
            AtomicReference<Long> restarted = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
                Optional<Pid> relay = app.runtime().whereis("relay");
                if (relay.isEmpty() || relay.get().equals(first)) return false;
                restarted.set(System.nanoTime());
                return true;
            });
            assertThat(Duration.ofNanos(restarted.get() - crashed)).isBetween(Duration.ofMillis(850), Duration.ofMillis(1600));
            await().atMost(Duration.ofSeconds(2)).until(() -> app.services().state(SERVICE) == ServiceState.RUNNING);

            console.type("two");
            console.await(line -> line.equals("  TWO"), Duration.ofSeconds(5));
            console.await(line -> line.startsWith("  from worker: "), Duration.ofSeconds(5));
            console.type("");
            assertThat(client.get()).isZero();
            assertThat(console.lines()).doesNotContain("  timeout", "  error: relay not available");
        }
    }

    @Test
    void h_sendingToAnUnregisteredNameThrowsNoSuchName() throws Exception {
        try (TroupeApp app = start("app:relay-service.lifecycle.auto_start=false")) {
            app.runtime().run(() -> assertThatThrownBy(
                    () -> Troupe.send(EchoProtocol.RELAY, EchoProtocol.ECHO, new Request(Troupe.self(), "x", 1)))
                    .isInstanceOf(NoSuchNameException.class)
                    .satisfies(e -> assertThat(((NoSuchNameException) e).name()).isEqualTo("relay")));

            app.services().start(SERVICE);
            awaitRelay(app);
            ConsoleStub console = new ConsoleStub();
            CompletableFuture<Integer> client = exec(app, console);
            console.type("up");
            console.await(line -> line.equals("  UP"), Duration.ofSeconds(10));
            app.services().stop(SERVICE);
            await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("relay").isEmpty());
            console.type("down");
            console.await(line -> line.equals("  error: relay not available"), Duration.ofSeconds(5));
            console.endInput();
            assertThat(client.get()).isZero();
        }
    }

    static CompletableFuture<Integer> exec(TroupeApp app, ConsoleStub console) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return app.exec(CLI, List.of(), console);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
