package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The three strategies, each with three children a, b, c, when b crashes. */
class SupervisorStrategyTest extends SupervisionTestSupport {

    private Supervisor startThree(Strategy strategy) {
        return Supervisor.start(runtime, SupervisorSpec.of(strategy,
                ChildSpec.worker("a", idleWorker()),
                ChildSpec.worker("b", idleWorker()),
                ChildSpec.worker("c", idleWorker())));
    }

    @Test
    void oneForOne_restartsOnlyTheChildThatCrashed() {
        Supervisor sup = startThree(Strategy.ONE_FOR_ONE);
        List<Pid> before = pids(sup);

        runtime.send(before.get(1), "crash");
        Pid b = awaitReplaced(sup, "b", before.get(1));

        assertThat(pids(sup)).containsExactly(before.get(0), b, before.get(2));
        assertThat(runtime.isAlive(before.get(0))).isTrue();
        assertThat(runtime.isAlive(before.get(2))).isTrue();
        assertThat(sup.restarts()).isEqualTo(1);
    }

    @Test
    void oneForAll_restartsEveryChild() {
        Supervisor sup = startThree(Strategy.ONE_FOR_ALL);
        List<Pid> before = pids(sup);

        runtime.exit(before.get(1), ExitReason.of("boom"));
        awaitReplaced(sup, "b", before.get(1));

        List<Pid> after = pids(sup);
        assertThat(after).doesNotContainAnyElementsOf(before).doesNotContainNull();
        before.forEach(this::awaitDead);
        assertThat(sup.restarts()).isEqualTo(1);
    }

    @Test
    void restForOne_restartsTheChildAndThoseStartedAfterIt() {
        Supervisor sup = startThree(Strategy.REST_FOR_ONE);
        List<Pid> before = pids(sup);

        runtime.send(before.get(1), "crash");
        awaitReplaced(sup, "b", before.get(1));

        List<Pid> after = pids(sup);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        assertThat(after.get(2)).isNotNull().isNotEqualTo(before.get(2));
        assertThat(runtime.isAlive(before.get(0))).isTrue();
        awaitDead(before.get(2));
    }

    @Test
    void oneForAll_stopsInReverseOrderThenStartsInOrder() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ALL,
                ChildSpec.handler("a", () -> tracingHandler("a")),
                ChildSpec.handler("b", () -> tracingHandler("b")),
                ChildSpec.handler("c", () -> tracingHandler("c"))));
        trace.clear();

        runtime.exit(pidOf(sup, "b"), ExitReason.KILL);

        await().atMost(PATIENCE).until(() -> trace.size() == 5);
        assertThat(trace).containsExactly("stop:c", "stop:a", "start:a", "start:b", "start:c");
    }

    @Test
    void restForOne_leavesEarlierChildrenAlone() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.REST_FOR_ONE,
                ChildSpec.handler("a", () -> tracingHandler("a")),
                ChildSpec.handler("b", () -> tracingHandler("b")),
                ChildSpec.handler("c", () -> tracingHandler("c"))));
        trace.clear();

        runtime.exit(pidOf(sup, "b"), ExitReason.KILL);

        await().atMost(PATIENCE).until(() -> trace.size() == 3);
        assertThat(trace).containsExactly("stop:c", "start:b", "start:c");
    }
}
