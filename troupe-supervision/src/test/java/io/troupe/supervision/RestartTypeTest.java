package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Permanent, transient and temporary children after normal and abnormal exits. */
class RestartTypeTest extends SupervisionTestSupport {

    private Supervisor startOne(Restart restart) {
        return Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("w", idleWorker()).withRestart(restart)));
    }

    @Test
    void permanent_isRestartedAfterANormalExit() {
        Supervisor sup = startOne(Restart.PERMANENT);
        Pid first = pidOf(sup, "w");

        runtime.send(first, "stop");

        awaitReplaced(sup, "w", first);
        assertThat(sup.restarts()).isEqualTo(1);
    }

    @Test
    void permanent_isRestartedAfterACrash() {
        Supervisor sup = startOne(Restart.PERMANENT);
        Pid first = pidOf(sup, "w");

        runtime.send(first, "crash");

        awaitReplaced(sup, "w", first);
    }

    @Test
    void transient_isNotRestartedAfterANormalExitOrShutdown() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("normal", idleWorker()).withRestart(Restart.TRANSIENT),
                ChildSpec.worker("shutdown", idleWorker()).withRestart(Restart.TRANSIENT)));

        runtime.send(pidOf(sup, "normal"), "stop");
        runtime.exit(pidOf(sup, "shutdown"), ExitReason.SHUTDOWN);

        await().atMost(PATIENCE).until(() -> pids(sup).stream().allMatch(pid -> pid == null));
        await().during(Duration.ofMillis(200)).atMost(PATIENCE)
                .until(() -> pids(sup).stream().allMatch(pid -> pid == null));
        assertThat(sup.whichChildren()).extracting(ChildInfo::id).containsExactly("normal", "shutdown");
        assertThat(sup.restarts()).isZero();
    }

    @Test
    void transient_isRestartedAfterACrash() {
        Supervisor sup = startOne(Restart.TRANSIENT);
        Pid first = pidOf(sup, "w");

        runtime.send(first, "crash");

        awaitReplaced(sup, "w", first);
    }

    @Test
    void temporary_isNeverRestartedAndIsForgotten() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("crashes", idleWorker()).withRestart(Restart.TEMPORARY),
                ChildSpec.worker("returns", idleWorker()).withRestart(Restart.TEMPORARY),
                ChildSpec.worker("stays", idleWorker())));

        runtime.send(pidOf(sup, "crashes"), "crash");
        runtime.send(pidOf(sup, "returns"), "stop");

        await().atMost(PATIENCE).until(() -> sup.whichChildren().size() == 1);
        assertThat(sup.whichChildren()).extracting(ChildInfo::id).containsExactly("stays");
        assertThat(sup.restarts()).isZero();
    }

    @Test
    void whichChildren_reportsTypeAndRestart() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("w", idleWorker()).withRestart(Restart.TRANSIENT),
                ChildSpec.supervisor("s", SupervisorSpec.of(Strategy.ONE_FOR_ONE))));

        List<ChildInfo> children = sup.whichChildren();

        assertThat(children).extracting(ChildInfo::id, ChildInfo::type, ChildInfo::restart).containsExactly(
                org.assertj.core.groups.Tuple.tuple("w", ChildType.WORKER, Restart.TRANSIENT),
                org.assertj.core.groups.Tuple.tuple("s", ChildType.SUPERVISOR, Restart.PERMANENT));
        assertThat(children).allSatisfy(child -> assertThat(runtime.isAlive(child.pid())).isTrue());
    }
}
