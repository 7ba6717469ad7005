package io.troupe.supervision;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How children are stopped: SHUTDOWN then KILL after the timeout, brutal kill, clean-up in time. */
class ShutdownTest extends SupervisionTestSupport {

    /** A child that traps exits and never ends on its own. */
    private Runnable stubborn(String id) {
        return () -> {
            Troupe.trapExit(true);
            while (true) {
                if (Troupe.receive() instanceof Exit) trace.add("ignored:" + id);
            }
        };
    }

    @Test
    void aChildIgnoringShutdown_isKilledAfterItsTimeout() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("stubborn", stubborn("stubborn")).withShutdown(Duration.ofMillis(300))));
        Pid child = pidOf(sup, "stubborn");

        Down down = call(() -> {
            Ref monitor = Troupe.monitor(child);
            long start = System.nanoTime();
            sup.terminateChild("stubborn");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isBetween(280L, 3_000L);
            return Troupe.receive(Down.class, PATIENCE);
        });

        assertThat(down.ref()).isNotNull();
        assertThat(down.reason()).isEqualTo(ExitReason.KILLED);
        assertThat(trace).containsExactly("ignored:stubborn");
        assertThat(pidOf(sup, "stubborn")).isNull();
    }

    @Test
    void brutalKill_killsAtOnceWithoutAnExitMessage() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("stubborn", stubborn("stubborn")).withShutdown(Shutdown.BRUTAL_KILL)));
        Pid child = pidOf(sup, "stubborn");

        long start = System.nanoTime();
        sup.terminateChild("stubborn");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(runtime.isAlive(child)).isFalse();
        assertThat(trace).isEmpty();
    }

    @Test
    void aTrappingChild_cleansUpWithinItsTimeout() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.worker("tidy", () -> {
                    Troupe.trapExit(true);
                    Exit exit = Troupe.receive(Exit.class);
                    trace.add("cleaned up after " + exit.reason());
                    Troupe.exit(exit.reason());
                })));

        assertThat(sup.stop(PATIENCE)).isTrue();

        assertThat(trace).containsExactly("cleaned up after shutdown");
    }

    @Test
    void stop_endsALinkedSupervisorNormally_soItsCallerLivesOn() {
        ExitReason reason = call(() -> { // a caller ended by a link would make call() return null
            Supervisor sup = Supervisor.startLink(SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                    ChildSpec.handler("a", () -> tracingHandler("a"))));
            Ref monitor = Troupe.monitor(sup.pid());
            assertThat(sup.stop(PATIENCE)).isTrue();
            Object down = Troupe.receive(m -> m instanceof Down d && d.ref().equals(monitor), PATIENCE);
            return ((Down) down).reason();
        });

        assertThat(reason).isEqualTo(ExitReason.NORMAL);
        assertThat(trace).containsExactly("start:a", "stop:a");
    }

    @Test
    void theShutdownExitSignal_stopsAnUnlinkedSupervisor() {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.handler("a", () -> tracingHandler("a"))));

        runtime.exit(sup.pid(), ExitReason.SHUTDOWN);

        awaitDead(sup.pid());
        assertThat(trace).containsExactly("start:a", "stop:a");
    }

    @Test
    void runtimeShutdown_stopsAnUnlinkedSupervisorAndItsChildren() throws InterruptedException {
        Supervisor sup = Supervisor.start(runtime, SupervisorSpec.of(Strategy.ONE_FOR_ONE,
                ChildSpec.handler("a", () -> tracingHandler("a")),
                ChildSpec.worker("b", idleWorker())));

        runtime.shutdown();

        assertThat(runtime.awaitTermination(PATIENCE)).isTrue();
        assertThat(runtime.isAlive(sup.pid())).isFalse();
    }
}
