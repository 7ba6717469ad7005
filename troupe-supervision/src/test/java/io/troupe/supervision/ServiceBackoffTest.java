package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** WP-9: restart backoff, max attempts and the stable threshold. */
class ServiceBackoffTest extends SupervisionTestSupport {
    private static final long TOLERANCE_MS = 150;

    private final Queue<ServiceEvent> events = new ConcurrentLinkedQueue<>();

    private Pid eventCollector() {
        return runtime.spawn(() -> {
            while (true) events.add(Troupe.receive(ServiceEvent.class));
        });
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    @Test
    void wp9_anAlwaysFailingService_isRetriedWithDoublingDelaysThenGivenUp() {
        List<Long> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServiceSpec flaky = ServiceSpec.worker("flaky", () -> {
                    attempts.add(System.nanoTime());
                    throw new IllegalStateException("fails at once");
                })
                .withAutoStart(true)
                .withRestartPolicy(RestartPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(100)).withFactor(2).withJitter(0).withMaxAttempts(4));

        ServiceManager services = Services.start(runtime, List.of(flaky), eventCollector());

        await().atMost(PATIENCE).until(() -> services.state("flaky") == ServiceState.EXITED);
        assertThat(attempts).hasSize(5);
        long t0 = attempts.getFirst();
        long[] expected = {0, 100, 300, 700, 1500};
        for (int i = 0; i < expected.length; i++) {
            assertThat(millisBetween(t0, attempts.get(i))).as("attempt %d", i)
                    .isBetween(expected[i] - TOLERANCE_MS, expected[i] + TOLERANCE_MS);
        }
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> attempts.size() == 5);

        await().atMost(PATIENCE).until(() -> events.stream().anyMatch(e -> e.to() == ServiceState.EXITED));
        assertThat(events.stream().filter(e -> e.to() == ServiceState.FAILED).map(ServiceEvent::attempt))
                .containsExactly(1, 2, 3, 4);
        assertThat(events.stream().filter(e -> e.to() == ServiceState.FAILED || e.to() == ServiceState.EXITED))
                .allSatisfy(e -> assertThat(e.reason()).isInstanceOfSatisfying(ExitReason.Failure.class,
                        failure -> assertThat(failure.message()).isEqualTo("fails at once")));
    }

    @Test
    void wp9_aServiceThatRanPastTheStableThreshold_isRetriedFromTheInitialDelayAgain() {
        AtomicInteger starts = new AtomicInteger();
        List<Long> begins = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServiceSpec spec = ServiceSpec.worker("sometimes", () -> {
                    begins.add(System.nanoTime());
                    if (starts.incrementAndGet() == 3) Troupe.receive(Duration.ofMillis(450)); // a stable run
                    ends.add(System.nanoTime());
                    throw new IllegalStateException("failure " + starts.get());
                })
                .withAutoStart(true)
                .withStableThreshold(Duration.ofMillis(300))
                .withRestartPolicy(RestartPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(100)).withFactor(2).withJitter(0));

        ServiceManager services = Services.start(runtime, List.of(spec));

        await().atMost(PATIENCE).until(() -> begins.size() >= 5);
        services.stop("sometimes");
        // runs 1 and 2 fail at once (delays 100, 200); run 3 is stable, so run 4 follows after 100 again, run 5 after 200
        assertThat(millisBetween(ends.get(0), begins.get(1))).isBetween(100 - TOLERANCE_MS, 100 + TOLERANCE_MS);
        assertThat(millisBetween(ends.get(1), begins.get(2))).isBetween(200 - TOLERANCE_MS, 200 + TOLERANCE_MS);
        assertThat(millisBetween(begins.get(2), ends.get(2))).isGreaterThanOrEqualTo(400);
        assertThat(millisBetween(ends.get(2), begins.get(3))).isBetween(40L, 220L); // not 400
        assertThat(millisBetween(ends.get(3), begins.get(4))).isBetween(200 - TOLERANCE_MS, 200 + TOLERANCE_MS);
        await().atMost(PATIENCE).until(() -> services.state("sometimes") == ServiceState.STOPPED);
    }

    @Test
    void restartPolicy_defaultsFollowWippy() {
        RestartPolicy policy = RestartPolicy.defaults();

        assertThat(List.of(1, 2, 3, 4, 7, 8, 20).stream().map(policy::baseDelay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 64L, 90L, 90L);
        assertThat(policy.delay(1, 0.0)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.delay(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, 0.999999)).isBetween(Duration.ofMillis(2199), Duration.ofMillis(2200));
        assertThat(policy.maxAttempts()).isZero();
    }
}
