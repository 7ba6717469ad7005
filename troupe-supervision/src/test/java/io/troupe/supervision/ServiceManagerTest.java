package io.troupe.supervision;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.troupe.supervision.ServiceState.EXITED;
import static io.troupe.supervision.ServiceState.FAILED;
import static io.troupe.supervision.ServiceState.RUNNING;
import static io.troupe.supervision.ServiceState.STARTING;
import static io.troupe.supervision.ServiceState.STOPPED;
import static io.troupe.supervision.ServiceState.STOPPING;
import static io.troupe.supervision.ServiceState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Starting and stopping services by name, states and subscriptions, dependencies, timeouts. */
class ServiceManagerTest extends SupervisionTestSupport {

    private final Queue<ServiceEvent> events = new ConcurrentLinkedQueue<>();

    private Pid eventCollector() {
        return runtime.spawn(() -> {
            while (true) events.add(Troupe.receive(ServiceEvent.class));
        });
    }

    private ServiceSpec tracing(String name) {
        return ServiceSpec.handler(name, () -> tracingHandler(name));
    }

    @Test
    void dependenciesStartFirstAndStopLast() {
        int baseline = runtime.processCount();
        ServiceManager services = Services.start(runtime, List.of(
                tracing("web").withRequires("cache", "db").withAutoStart(true),
                tracing("cache").withRequires("db"),
                tracing("db"),
                tracing("unrelated")));

        await().atMost(PATIENCE).until(() -> services.state("web") == RUNNING);
        assertThat(trace).containsExactly("start:db", "start:cache", "start:web");
        assertThat(services.states()).containsExactly(
                entry("web", RUNNING), entry("cache", RUNNING), entry("db", RUNNING), entry("unrelated", UNKNOWN));

        assertThat(services.stopAll(PATIENCE)).isTrue();

        assertThat(trace).containsExactly("start:db", "start:cache", "start:web", "stop:web", "stop:cache", "stop:db");
        assertThat(services.states().values()).containsOnly(STOPPED, UNKNOWN);
        awaitProcessCount(baseline);
    }

    private static java.util.Map.Entry<String, ServiceState> entry(String name, ServiceState state) {
        return java.util.Map.entry(name, state);
    }

    @Test
    void aCycleOrAnUnknownDependency_isRejectedBeforeAnythingStarts() {
        int baseline = runtime.processCount();

        assertThatThrownBy(() -> Services.start(runtime, List.of(
                tracing("a").withRequires("b").withAutoStart(true),
                tracing("b").withRequires("c"),
                tracing("c").withRequires("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service dependency cycle: a -> b -> c -> a");
        assertThatThrownBy(() -> Services.start(runtime, List.of(tracing("a").withRequires("a"))))
                .hasMessage("service dependency cycle: a -> a");
        assertThatThrownBy(() -> Services.start(runtime, List.of(tracing("a").withRequires("ghost").withAutoStart(true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service 'a' requires unknown service 'ghost'");
        assertThatThrownBy(() -> Services.start(runtime, List.of(tracing("a"), tracing("a"))))
                .hasMessage("duplicate service name 'a'");

        assertThat(trace).isEmpty();
        assertThat(runtime.processCount()).isEqualTo(baseline);
    }

    @Test
    void startAndStopByName_goThroughTheStatesAndTellSubscribers() {
        ServiceManager services = Services.start(runtime, List.of(ServiceSpec.worker("echo", idleWorker())));
        services.subscribe(eventCollector());
        assertThat(services.state("echo")).isEqualTo(UNKNOWN);

        services.start("echo");
        await().atMost(PATIENCE).until(() -> services.state("echo") == RUNNING);
        services.stop("echo");
        await().atMost(PATIENCE).until(() -> events.size() == 4);

        assertThat(events).extracting(ServiceEvent::from, ServiceEvent::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UNKNOWN, STARTING),
                org.assertj.core.groups.Tuple.tuple(STARTING, RUNNING),
                org.assertj.core.groups.Tuple.tuple(RUNNING, STOPPING),
                org.assertj.core.groups.Tuple.tuple(STOPPING, STOPPED));
        Pid pid = events.stream().filter(e -> e.to() == RUNNING).findFirst().orElseThrow().pid();
        assertThat(runtime.isAlive(pid)).isFalse();
        assertThat(events.stream().filter(e -> e.to() == STOPPED).findFirst().orElseThrow().reason())
                .isEqualTo(ExitReason.SHUTDOWN);

        services.start("echo"); // a stopped service starts again
        await().atMost(PATIENCE).until(() -> services.state("echo") == RUNNING);
        assertThatThrownBy(() -> services.start("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCleanExit_endsTransientServicesAndRestartsPermanentOnes() {
        ServiceManager services = Services.start(runtime, List.of(
                ServiceSpec.worker("once", () -> trace.add("once")).withAutoStart(true),
                ServiceSpec.worker("again", () -> trace.add("again")).withAutoStart(true).withRestart(Restart.PERMANENT)
                        .withRestartPolicy(RestartPolicy.defaults().withInitialDelay(Duration.ofMillis(10)).withMaxAttempts(2))));

        await().atMost(PATIENCE).until(() -> services.state("once") == EXITED && services.state("again") == EXITED);

        assertThat(trace.stream().filter("once"::equals)).hasSize(1);
        assertThat(trace.stream().filter("again"::equals)).hasSize(3);
    }

    @Test
    void aServiceIgnoringShutdown_isKilledAfterItsStopTimeout() {
        ServiceManager services = Services.start(runtime, List.of(
                ServiceSpec.worker("stubborn", () -> {
                    Troupe.trapExit(true);
                    while (true) {
                        if (Troupe.receive() instanceof Exit) trace.add("ignored");
                    }
                }).withAutoStart(true).withStopTimeout(Duration.ofMillis(300))));
        services.subscribe(eventCollector());
        await().atMost(PATIENCE).until(() -> services.state("stubborn") == RUNNING);

        long start = System.nanoTime();
        services.stop("stubborn");
        await().atMost(PATIENCE).until(() -> services.state("stubborn") == STOPPED);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        assertThat(trace).containsExactly("ignored");
        await().atMost(PATIENCE).until(() -> events.stream().anyMatch(e -> e.to() == STOPPED));
        assertThat(events.stream().filter(e -> e.to() == STOPPED).findFirst().orElseThrow().reason())
                .isEqualTo(ExitReason.KILLED);
    }

    @Test
    void aStartThatTakesTooLong_failsAndIsRetried() {
        ServiceManager services = Services.start(runtime, List.of(
                ServiceSpec.of("slow", () -> { // sleep: killed at the start timeout
                    trace.add("starting");
                    Troupe.sleep(Duration.ofSeconds(30)); // never done in time
                    return Troupe.spawnLink(idleWorker());
                }).withAutoStart(true).withStartTimeout(Duration.ofMillis(200)).withStopTimeout(Duration.ofMillis(200))
                        .withRestartPolicy(RestartPolicy.defaults().withInitialDelay(Duration.ofMillis(50)).withJitter(0))),
                eventCollector());

        await().atMost(PATIENCE).until(() -> trace.size() >= 2);

        ServiceEvent failed = events.stream().filter(e -> e.to() == FAILED).findFirst().orElseThrow();
        assertThat(failed.reason().toString()).contains("start timeout");
        assertThat(services.stopAll(PATIENCE)).isTrue();
    }

    @Test
    void aServiceWaitsForItsDependencyToRun() {
        ServiceManager services = Services.start(runtime, List.of(
                tracing("app").withRequires("db").withAutoStart(true),
                ServiceSpec.of("db", () -> {
                    throw new IllegalStateException("db is down");
                }).withRestartPolicy(RestartPolicy.defaults().withInitialDelay(Duration.ofMillis(20)).withMaxAttempts(1))));

        await().atMost(PATIENCE).until(() -> services.state("db") == EXITED);
        assertThat(services.state("app")).isEqualTo(STARTING);
        assertThat(trace).isEmpty();

        services.stop("app");
        await().atMost(PATIENCE).until(() -> services.state("app") == STOPPED);
    }

    @Test
    void runtimeShutdown_stopsTheManagerAndItsServices() throws InterruptedException {
        ServiceManager services = Services.start(runtime, List.of(
                tracing("a").withAutoStart(true),
                ServiceSpec.worker("b", idleWorker()).withAutoStart(true).withRestart(Restart.PERMANENT)));
        await().atMost(PATIENCE).until(() -> services.state("a") == RUNNING && services.state("b") == RUNNING);

        runtime.shutdown();

        assertThat(runtime.awaitTermination(PATIENCE)).isTrue();
        assertThat(runtime.isAlive(services.pid())).isFalse();
    }
}
