package io.troupe.supervision;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The benchmark's crash-restart loop: a child that fails at once under one-for-one with a huge
 * intensity, counted through {@link Supervisor#restarts()}.
 */
class CrashLoopTest extends SupervisionTestSupport {

    @Test
    void aCrashLoopCanBeDrivenAndCounted() {
        AtomicLong starts = new AtomicLong();
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                        ChildSpec.worker("crasher", () -> {
                            starts.incrementAndGet();
                            throw new IllegalStateException("crash");
                        }))
                .withIntensity(Integer.MAX_VALUE, Duration.ofSeconds(1)));

        await().atMost(PATIENCE).until(() -> sup.restarts() >= 1_000);
        assertThat(sup.stop(PATIENCE)).isTrue();

        long restarts = starts.get() - 1;
        assertThat(restarts).isGreaterThanOrEqualTo(1_000);
        awaitProcessCount(0);
    }
}
