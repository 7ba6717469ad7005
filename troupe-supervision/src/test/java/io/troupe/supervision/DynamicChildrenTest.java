package io.troupe.supervision;

import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** start_child, terminate_child, restart_child, delete_child and which_children, and their errors. */
class DynamicChildrenTest extends SupervisionTestSupport {

    private static SupervisorException.Kind kindOf(Runnable call) {
        try {
            call.run();
        } catch (SupervisorException e) {
            return e.kind();
        }
        throw new AssertionError("no SupervisorException");
    }

    @Test
    void theChildLifecycle_fromAPlainThread() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("static", idleWorker())));

        Pid dynamic = sup.startChild(ChildSpec.worker("dynamic", idleWorker()));
        assertThat(sup.whichChildren()).extracting(ChildInfo::id).containsExactly("static", "dynamic");
        assertThat(pidOf(sup, "dynamic")).isEqualTo(dynamic);
        assertThat(kindOf(() -> sup.startChild(ChildSpec.worker("dynamic", idleWorker()))))
                .isEqualTo(SupervisorException.Kind.ALREADY_STARTED);
        assertThat(kindOf(() -> sup.deleteChild("dynamic"))).isEqualTo(SupervisorException.Kind.RUNNING);
        assertThat(kindOf(() -> sup.restartChild("dynamic"))).isEqualTo(SupervisorException.Kind.RUNNING);

        sup.terminateChild("dynamic");
        assertThat(runtime.isAlive(dynamic)).isFalse();
        assertThat(pidOf(sup, "dynamic")).isNull();
        assertThat(kindOf(() -> sup.startChild(ChildSpec.worker("dynamic", idleWorker()))))
                .isEqualTo(SupervisorException.Kind.ALREADY_PRESENT);

        Pid again = sup.restartChild("dynamic");
        assertThat(again).isNotEqualTo(dynamic);
        assertThat(runtime.isAlive(again)).isTrue();

        sup.terminateChild("dynamic");
        sup.deleteChild("dynamic");
        assertThat(sup.whichChildren()).extracting(ChildInfo::id).containsExactly("static");
        assertThat(kindOf(() -> sup.terminateChild("dynamic"))).isEqualTo(SupervisorException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> sup.restartChild("dynamic"))).isEqualTo(SupervisorException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> sup.deleteChild("dynamic"))).isEqualTo(SupervisorException.Kind.NOT_FOUND);
    }

    @Test
    void callsFromAProcess_andDynamicChildrenAreSupervisedLikeStaticOnes() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE));

        Pid child = call(() -> sup.startChild(ChildSpec.handler("h", () -> tracingHandler("h"))));
        runtime.exit(child, io.troupe.ExitReason.KILL);

        Pid replacement = awaitReplaced(sup, "h", child);
        assertThat(call(() -> pidOf(sup, "h"))).isEqualTo(replacement);
        assertThat(trace).containsExactly("start:h", "start:h");
    }

    @Test
    void aChildThatFailsToStart_isNotAdded() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE));
        Handler broken = new Handler() {
            @Override
            public void init() {
                throw new IllegalArgumentException("bad config");
            }

            @Override
            public void handle(Object message) {
            }
        };

        assertThatThrownBy(() -> sup.startChild(ChildSpec.handler("broken", () -> broken)))
                .isInstanceOfSatisfying(SupervisorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SupervisorException.Kind.START_FAILED);
                    assertThat(e.reason().toString()).contains("bad config");
                });
        assertThat(sup.whichChildren()).isEmpty();
        assertThat(runtime.isAlive(sup.pid())).isTrue();
    }

    @Test
    void terminatingATemporaryChild_removesIt_andIgnoreKeepsNoPid() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE));
        sup.startChild(ChildSpec.worker("temp", idleWorker()).withRestart(Restart.TEMPORARY));
        assertThat(sup.startChild(ChildSpec.of("ignored", () -> null))).isNull();

        sup.terminateChild("temp");

        assertThat(sup.whichChildren()).extracting(ChildInfo::id, ChildInfo::pid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ignored", null));
    }

    @Test
    void aDeadOrSlowSupervisor_givesNotAliveOrTimeout() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.of("slow", () -> {
                    trace.add("starting");
                    Troupe.sleep(Duration.ofMillis(500)); // a slow start blocks the supervisor
                    return Troupe.spawnLink(idleWorker());
                }).withRestart(Restart.TRANSIENT)));
        Supervisor impatient = sup.withCallTimeout(Duration.ofMillis(50));

        runtime.send(pidOf(sup, "slow"), "crash");
        await().atMost(PATIENCE).until(() -> trace.size() == 2); // the restart has begun
        assertThat(kindOf(impatient::whichChildren)).isEqualTo(SupervisorException.Kind.TIMEOUT);

        assertThat(sup.stop(PATIENCE)).isTrue();
        assertThat(kindOf(sup::whichChildren)).isEqualTo(SupervisorException.Kind.NOT_ALIVE);
    }
}
