package io.troupe.app;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.supervision.ServiceState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** process.service entries under the ServiceManager: order, Cancel on stop, restart with backoff. */
class ServicesTest {
    static final String YAML = """
            namespace: svc
            entries:
              - { name: service, kind: process, class: io.troupe.app.TestEntries, method: service }
              - { name: stubborn, kind: process, class: io.troupe.app.TestEntries, method: stubborn }
              - name: db
                kind: process.service
                process: service
                input: [db]
                lifecycle: { auto_start: true, restart: { initial_delay: 100ms, jitter: 0 } }
              - name: web
                kind: process.service
                process: service
                input: [web]
                lifecycle: { auto_start: true, requires: [db] }
              - name: mule
                kind: process.service
                process: stubborn
                input: [mule]
                lifecycle: { stop_timeout: 200ms }
            """;

    @BeforeEach
    void clear() {
        TestEntries.EVENTS.clear();
    }

    static TroupeApp start() {
        return TroupeApp.start(AppDescriptor.parse(YAML, "svc.yaml", List.of()));
    }

    @Test
    void closeStopsDependentsFirst_withACancelEvent() {
        TroupeApp app = start();
        await().atMost(Duration.ofSeconds(5)).until(() -> TestEntries.EVENTS.size() == 2);
        assertThat(app.services().names()).containsExactly("svc:db", "svc:web", "svc:mule");
        assertThat(app.services().state("svc:mule")).isEqualTo(ServiceState.UNKNOWN);
        app.close();
        // a service counts as started once its process is spawned, so the bodies may begin in any order
        assertThat(List.copyOf(TestEntries.EVENTS).subList(0, 2)).containsExactlyInAnyOrder("start:db", "start:web");
        assertThat(List.copyOf(TestEntries.EVENTS).subList(2, 4)).containsExactly("cancelled:web", "cancelled:db");
    }

    @Test
    void aCrashedServiceIsRestartedAfterItsInitialDelay() {
        try (TroupeApp app = start()) {
            Pid first = await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("db"), Optional::isPresent).get();
            long crashed = System.nanoTime();
            app.runtime().exit(first, ExitReason.of("boom"));
            Pid second = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> app.runtime().whereis("db").filter(pid -> !pid.equals(first)), Optional::isPresent).get();
            assertThat(Duration.ofNanos(System.nanoTime() - crashed)).isBetween(Duration.ofMillis(90), Duration.ofMillis(900));
            assertThat(app.runtime().isAlive(second)).isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> app.services().state("svc:db") == ServiceState.RUNNING);
        }
    }

    @Test
    void aServiceThatIgnoresCancelIsKilledAtItsStopTimeout() {
        try (TroupeApp app = start()) {
            app.services().start("svc:mule");
            Pid mule = await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("mule"), Optional::isPresent).get();
            long stop = System.nanoTime();
            app.services().stop("svc:mule");
            await().atMost(Duration.ofSeconds(5)).until(() -> app.services().state("svc:mule") == ServiceState.STOPPED);
            assertThat(Duration.ofNanos(System.nanoTime() - stop)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(app.runtime().isAlive(mule)).isFalse();
        }
    }

    @Test
    void aServiceThatReturnsIsDone() {
        try (TroupeApp app = start()) {
            Pid web = await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("web"), Optional::isPresent).get();
            app.runtime().run(() -> io.troupe.Troupe.cancel(web));
            await().atMost(Duration.ofSeconds(5)).until(() -> app.services().state("svc:web") == ServiceState.EXITED);
            assertThat(TestEntries.EVENTS).contains("cancelled:web");
        }
    }
}
