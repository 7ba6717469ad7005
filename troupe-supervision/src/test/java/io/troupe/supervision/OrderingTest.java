package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Handler;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Children start in order and stop in reverse order; a failed start undoes the ones before it. */
class OrderingTest extends SupervisionTestSupport {

    @Test
    void childrenStartInOrderAndStopInReverseOrder() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.handler("a", () -> tracingHandler("a")),
                ChildSpec.handler("b", () -> tracingHandler("b")),
                ChildSpec.handler("c", () -> tracingHandler("c"))));

        assertThat(trace).containsExactly("start:a", "start:b", "start:c");
        assertThat(sup.stop(PATIENCE)).isTrue();

        assertThat(trace).containsExactly("start:a", "start:b", "start:c", "stop:c", "stop:b", "stop:a");
    }

    @Test
    void aChildThatFailsToStart_failsTheSupervisorStartAfterStoppingTheOnesBefore() {
        int baseline = runtime.processCount();
        Handler failing = new Handler() {
            @Override
            public void init() {
                throw new IllegalStateException("b cannot start");
            }

            @Override
            public void handle(Object message) {
            }
        };

        assertThatThrownBy(() -> Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.handler("a", () -> tracingHandler("a")),
                ChildSpec.handler("b", () -> failing),
                ChildSpec.handler("c", () -> tracingHandler("c")))))
                .isInstanceOfSatisfying(SupervisorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SupervisorException.Kind.START_FAILED);
                    assertThat(e.reason()).isInstanceOfSatisfying(ExitReason.Value.class, value ->
                            assertThat(value.value()).isInstanceOfSatisfying(SupervisorFailure.StartFailed.class, failed -> {
                                assertThat(failed.child()).isEqualTo("b");
                                assertThat(failed.reason().toString()).contains("b cannot start");
                            }));
                });

        assertThat(trace).containsExactly("start:a", "stop:a");
        awaitProcessCount(baseline);
    }

    @Test
    void aFailedStartLink_doesNotTakeTheCallerDown() {
        Boolean survived = call(() -> {
            try {
                Supervisor.startLink(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                        ChildSpec.of("bad", () -> { throw new IllegalStateException("no"); })));
                return false;
            } catch (SupervisorException expected) {
                io.troupe.Troupe.receive(Duration.ofMillis(50)); // an exit signal would have ended us here
                return true;
            }
        });

        assertThat(survived).isTrue();
    }

    @Test
    void aTakenName_failsTheStart() {
        Supervisor first = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE).withName("app_sup"));

        assertThatThrownBy(() -> Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE).withName("app_sup")))
                .isInstanceOfSatisfying(SupervisorException.class,
                        e -> assertThat(e.kind()).isEqualTo(SupervisorException.Kind.START_FAILED));
        assertThat(runtime.whereis("app_sup")).contains(first.pid());
    }
}
