package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A supervisor as the child of another: failures inside stay inside until the inner one gives up. */
class NestedSupervisorTest extends SupervisionTestSupport {

    private Supervisor startTree(int innerMaxRestarts) {
        SupervisorSpec inner = SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("x", idleWorker()),
                ChildSpec.handler("y", () -> tracingHandler("y"))).withIntensity(innerMaxRestarts, Duration.ofSeconds(5));
        return Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("before", idleWorker()),
                ChildSpec.supervisor("inner", inner),
                ChildSpec.worker("after", idleWorker())));
    }

    @Test
    void aCrashInsideTheInnerSupervisor_isHandledThere() {
        Supervisor outer = startTree(3);
        Supervisor inner = Supervisor.of(runtime, pidOf(outer, "inner"));
        Pid x = pidOf(inner, "x");

        runtime.send(x, "crash");

        awaitReplaced(inner, "x", x);
        assertThat(inner.restarts()).isEqualTo(1);
        assertThat(outer.restarts()).isZero();
        assertThat(pidOf(outer, "inner")).isEqualTo(inner.pid());
    }

    @Test
    void anInnerSupervisorThatGivesUp_isRestartedByTheOuterOne() {
        Supervisor outer = startTree(0);
        Pid innerPid = pidOf(outer, "inner");
        Supervisor inner = Supervisor.of(runtime, innerPid);
        Pid y = pidOf(inner, "y");

        runtime.exit(pidOf(inner, "x"), ExitReason.of("boom"));

        Pid newInner = awaitReplaced(outer, "inner", innerPid);
        assertThat(outer.restarts()).isEqualTo(1);
        awaitDead(innerPid);
        awaitDead(y);
        assertThat(trace).containsExactly("start:y", "stop:y", "start:y");
        assertThat(Supervisor.of(runtime, newInner).whichChildren()).allSatisfy(c -> assertThat(c.pid()).isNotNull());
    }

    @Test
    void stoppingTheOuterSupervisor_stopsTheWholeTree() {
        int baseline = runtime.processCount();
        Supervisor outer = startTree(3);
        assertThat(runtime.processCount()).isEqualTo(baseline + 6);

        assertThat(outer.stop(PATIENCE)).isTrue();

        awaitProcessCount(baseline);
        assertThat(trace).containsExactly("start:y", "stop:y");
    }

    @Test
    void theOuterSupervisorsParentSeesAnEscalation() {
        Supervisor outer = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.supervisor("inner", SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                        ChildSpec.worker("x", idleWorker())).withIntensity(0, Duration.ofSeconds(5))))
                .withIntensity(0, Duration.ofSeconds(5)));
        Supervisor inner = Supervisor.of(runtime, pidOf(outer, "inner"));

        runtime.send(pidOf(inner, "x"), "crash");

        await().atMost(PATIENCE).until(() -> !runtime.isAlive(outer.pid()));
        assertThat(runtime.isAlive(inner.pid())).isFalse();
    }
}
