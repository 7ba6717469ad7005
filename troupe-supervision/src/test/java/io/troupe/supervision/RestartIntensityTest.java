package io.troupe.supervision;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** More restarts than the intensity allows: the supervisor stops its children and exits, and its parent sees why. */
class RestartIntensityTest extends SupervisionTestSupport {

    @Test
    void exceedingTheIntensity_endsTheSupervisorWithAClearReasonItsParentSees() {
        AtomicInteger starts = new AtomicInteger();
        int baseline = runtime.processCount();
        Exit exit = call(() -> {
            Troupe.trapExit(true);
            Supervisor sup = Supervisor.startLink(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                    ChildSpec.worker("healthy", idleWorker()),
                    ChildSpec.worker("flaky", () -> {
                        starts.incrementAndGet();
                        throw new IllegalStateException("flaky fails at once");
                    })).withIntensity(3, Duration.ofSeconds(5)));
            assertThat(sup.pid()).isNotNull();
            return Troupe.receive(Exit.class, PATIENCE);
        });

        assertThat(exit).isNotNull();
        assertThat(exit.reason()).isInstanceOfSatisfying(ExitReason.Value.class, value ->
                assertThat(value.value()).isInstanceOfSatisfying(SupervisorFailure.IntensityExceeded.class, failure -> {
                    assertThat(failure.child()).isEqualTo("flaky");
                    assertThat(failure.maxRestarts()).isEqualTo(3);
                    assertThat(failure.childReason()).isInstanceOf(ExitReason.Failure.class);
                    assertThat(failure.childReason().toString()).contains("flaky fails at once");
                }));
        assertThat(starts).hasValue(4); // the first start and 3 restarts
        assertThat(runtime.isAlive(exit.from())).isFalse();
        awaitProcessCount(baseline); // the healthy child was stopped too
    }

    @Test
    void zeroRestarts_meansTheFirstCrashEndsTheSupervisor() {
        Exit exit = call(() -> {
            Troupe.trapExit(true);
            Supervisor sup = Supervisor.startLink(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                    ChildSpec.worker("w", idleWorker())).withIntensity(0, Duration.ofSeconds(1)));
            Troupe.send(pidOf(sup, "w"), "crash");
            return Troupe.receive(Exit.class, PATIENCE);
        });

        assertThat(exit.reason().toString()).contains("reached_max_restart_intensity", "'w'");
    }

    @Test
    void restartsSpreadOverMoreThanThePeriod_areAllowed() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("w", idleWorker())).withIntensity(1, Duration.ofMillis(100)));

        for (int i = 0; i < 3; i++) {
            Pid before = pidOf(sup, "w");
            long crashedAt = System.nanoTime();
            runtime.send(before, "crash");
            awaitReplaced(sup, "w", before);
            await().atMost(PATIENCE)
                    .until(() -> System.nanoTime() - crashedAt > Duration.ofMillis(120).toNanos());
        }

        assertThat(runtime.isAlive(sup.pid())).isTrue();
        assertThat(sup.restarts()).isEqualTo(3);
    }
}
