package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** WP-3: a pool of four workers under a supervisor. */
class SupervisorPoolTest extends SupervisionTestSupport {

    private Supervisor startPool() {
        List<ChildSpec> workers = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> ChildSpec.worker("worker-" + i, idleWorker()).withRestart(Restart.TRANSIENT))
                .toList();
        return Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE, workers));
    }

    private static long running(Supervisor pool) {
        return pool.whichChildren().stream().map(ChildInfo::pid).filter(Objects::nonNull).count();
    }

    @Test
    void wp3_aTerminatedWorkerIsReplacedWithTheSameId() {
        Supervisor pool = startPool();
        Pid victim = pidOf(pool, "worker-3");

        long start = System.nanoTime();
        runtime.exit(victim, ExitReason.KILL);

        Pid replacement = awaitReplaced(pool, "worker-3", victim);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(running(pool)).isEqualTo(4);
        assertThat(runtime.isAlive(replacement)).isTrue();
    }

    @Test
    void wp3_aGracefullyStoppedWorkerIsNotRestarted() {
        Supervisor pool = startPool();

        runtime.send(pidOf(pool, "worker-1"), "stop");
        runtime.exit(pidOf(pool, "worker-2"), ExitReason.SHUTDOWN);

        await().atMost(PATIENCE).until(() -> running(pool) == 2);
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> running(pool) == 2);
        assertThat(pool.restarts()).isZero();
    }
}
