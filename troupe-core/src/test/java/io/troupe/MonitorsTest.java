package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Monitors: CL-7 and Erlang's rules (one Down per monitor, demonitor flushes, noproc). */
class MonitorsTest extends RuntimeTestSupport {

    @Test
    void aNormalReturnGivesDownNormal() {
        call(() -> {
            Pid target = Troupe.spawn(waitForAnyMessage());
            Ref ref = Troupe.monitor(target);
            Troupe.send(target, "go");
            Down down = expect(Down.class);
            assertThat(down).isEqualTo(new Down(ref, target, ExitReason.NORMAL));
            return null;
        });
    }

    @Test
    void exitWithAValueGivesDownWithThatValue() {
        call(() -> {
            Pid target = Troupe.spawn(() -> {
                Troupe.receive();
                Troupe.exit("boom");
            });
            Ref ref = Troupe.monitor(target);
            Troupe.send(target, "go");
            Down down = expect(Down.class);
            assertThat(down.ref()).isEqualTo(ref);
            assertThat(down.pid()).isEqualTo(target);
            assertThat(down.reason()).isEqualTo(new ExitReason.Value("boom"));
            assertThat(down.reason().toString()).isEqualTo("boom");
            return null;
        });
    }

    @Test
    void afterDemonitorNoDownArrives() {
        call(() -> {
            Pid target = Troupe.spawn(waitForAnyMessage());
            Ref ref = Troupe.monitor(target);
            assertThat(Troupe.demonitor(ref)).isTrue();
            assertThat(Troupe.demonitor(ref)).isFalse();
            Troupe.send(target, "go");
            awaitDead(target);
            expectNothing(m -> m instanceof Down, Duration.ofMillis(200));
            return null;
        });
    }

    @Test
    void demonitorRemovesADownThatIsAlreadyInTheMailbox() {
        call(() -> {
            Pid target = Troupe.spawn(waitForAnyMessage());
            Ref ref = Troupe.monitor(target);
            Troupe.send(Troupe.self(), "before");
            Troupe.send(target, "go");
            awaitDead(target);
            Troupe.send(Troupe.self(), "after");
            // The Down is (or is about to be) queued between "before" and "after".
            Troupe.demonitor(ref);
            assertThat(expectAny()).isEqualTo("before");
            assertThat(expectAny()).isEqualTo("after");
            expectNothing(m -> true, Duration.ofMillis(100));
            return null;
        });
    }

    @Test
    void monitoringADeadProcessGivesNoprocAtOnce() {
        Pid dead = runtime.spawn(() -> { });
        awaitDead(dead);
        call(() -> {
            Ref ref = Troupe.monitor(dead);
            Down down = Troupe.receive(Down.class, Duration.ZERO);
            assertThat(down).isEqualTo(new Down(ref, dead, ExitReason.NOPROC));
            assertThat(Troupe.demonitor(ref)).isFalse();
            return null;
        });
    }

    @Test
    void everyMonitorGetsItsOwnDownExactlyOnce() {
        call(() -> {
            Pid target = Troupe.spawn(waitForAnyMessage());
            Set<Ref> refs = new HashSet<>();
            for (int i = 0; i < 5; i++) refs.add(Troupe.monitor(target));
            assertThat(refs).hasSize(5);
            Troupe.send(target, "go");
            Set<Ref> downs = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                Down down = expect(Down.class);
                assertThat(down.pid()).isEqualTo(target);
                downs.add(down.ref());
            }
            assertThat(downs).isEqualTo(refs);
            expectNothing(m -> m instanceof Down, Duration.ofMillis(100));
            return null;
        });
    }

    @Test
    void monitorsAreOneWay() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned target = Troupe.spawnMonitor(waitForAnyMessage());
            Spawned watcher = Troupe.spawnMonitor(() -> {
                Troupe.monitor(target.pid());
                Troupe.send(root, "monitoring");
                throw new IllegalStateException("watcher crashed");
            });
            assertThat(expect(String.class)).isEqualTo("monitoring");
            assertThat(expectDown(watcher.monitor()).reason()).isInstanceOf(ExitReason.Failure.class);
            assertThat(Troupe.isAlive(target.pid())).isTrue();
            Troupe.send(target.pid(), "go");
            assertThat(expectDown(target.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            return null;
        });
    }

    @Test
    void spawnMonitorIsAtomicEvenForChildrenThatExitAtOnce() {
        call(() -> {
            List<Spawned> children = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                children.add(Troupe.spawnMonitor(() -> { }));
                children.add(Troupe.spawnMonitor(new Handler() {
                    @Override
                    public void init() {
                        Troupe.exit(ExitReason.NORMAL); // a handler that ends before its first message
                    }

                    @Override
                    public void handle(Object message) {
                    }
                }));
            }
            for (Spawned child : children) {
                Down down = expectDown(child.monitor());
                assertThat(down.pid()).isEqualTo(child.pid());
                // never noproc: the monitor existed before the child ran
                assertThat(down.reason()).isEqualTo(ExitReason.NORMAL);
            }
            return null;
        });
    }

    @Test
    void downCarriesTheKillReason() {
        call(() -> {
            Spawned target = Troupe.spawnMonitor(waitForAnyMessage());
            Troupe.exit(target.pid(), ExitReason.KILL);
            assertThat(expectDown(target.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            return null;
        });
    }

    @Test
    void monitorNeedsAProcess() {
        Pid target = runtime.spawn(waitForAnyMessage());
        assertThatThrownBy(() -> Troupe.monitor(target)).isInstanceOf(IllegalStateException.class);
        runtime.send(target, "go");
    }
}
