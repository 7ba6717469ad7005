package io.troupe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Registered names: CL-3 (ConcurrentLua example 3) and WP-8 (Wippy registry rules). */
class NamesTest extends RuntimeTestSupport {

    record Ping(Pid from) {}
    record Pong() {}
    record Finished() {}

    @Test
    void pingPongThroughARegisteredName() {
        ConcurrentLinkedQueue<String> pongTrace = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> pingTrace = new ConcurrentLinkedQueue<>();
        AtomicReference<Set<String>> namesWhileRunning = new AtomicReference<>();
        int baseline = runtime.processCount();

        Pid pong = runtime.spawn(() -> {
            while (true) {
                switch (Troupe.receive()) {
                    case Ping(Pid from) -> {
                        pongTrace.add("pong received ping");
                        Troupe.send(from, new Pong());
                    }
                    case Finished f -> {
                        pongTrace.add("pong finished");
                        return;
                    }
                    default -> throw new IllegalStateException();
                }
            }
        });
        runtime.register("pong", pong);
        assertThat(runtime.registered()).contains("pong");
        assertThat(runtime.whereis("pong")).contains(pong);

        // Another process cannot take the name while pong holds it (ConcurrentLua: register -> false).
        Pid other = runtime.spawn(waitForAnyMessage());
        assertThatThrownBy(() -> runtime.register("pong", other))
                .isInstanceOf(NameTakenException.class)
                .satisfies(e -> {
                    NameTakenException taken = (NameTakenException) e;
                    assertThat(taken.name()).isEqualTo("pong");
                    assertThat(taken.holder()).isEqualTo(pong);
                });
        runtime.send(other, "stop");

        runtime.spawn(() -> {
            for (int i = 0; i < 3; i++) {
                Troupe.send("pong", new Ping(Troupe.self()));
                Troupe.receive(Pong.class);
                pingTrace.add("ping received pong");
            }
            namesWhileRunning.set(Troupe.registered());
            Troupe.send("pong", new Finished());
            pingTrace.add("ping finished");
        });

        awaitProcessCount(baseline);
        assertThat(pongTrace).containsExactly(
                "pong received ping", "pong received ping", "pong received ping", "pong finished");
        assertThat(pingTrace).containsExactly(
                "ping received pong", "ping received pong", "ping received pong", "ping finished");
        assertThat(namesWhileRunning.get()).contains("pong");
        assertThat(runtime.registered()).doesNotContain("pong");
        assertThat(runtime.whereis("pong")).isEmpty();
        assertThatThrownBy(() -> runtime.send("pong", "late")).isInstanceOf(NoSuchNameException.class);
    }

    @Test
    void registerThenWhereisIsSelf() {
        Boolean same = call(() -> {
            Troupe.register("me");
            return Troupe.whereis("me").equals(Optional.of(Troupe.self()));
        });
        assertThat(same).isTrue();
    }

    @Test
    void registeringTheSameNameForTheSamePidAgainIsANoOp() {
        call(() -> {
            Troupe.register("svc");
            Troupe.register("svc");
            Troupe.register("svc", Troupe.self());
            runtime.register("svc", Troupe.self());
            assertThat(Troupe.whereis("svc")).contains(Troupe.self());
            assertThat(Troupe.registered()).containsOnlyOnce("svc");
            return null;
        });
    }

    @Test
    void anotherProcessCannotTakeATakenName() {
        Pid holder = runtime.spawn(() -> {
            Troupe.register("svc");
            Troupe.receive();
        });
        await().atMost(PATIENCE).until(() -> runtime.whereis("svc").isPresent());

        Throwable taken = call(() -> {
            try {
                Troupe.register("svc");
                return null;
            } catch (NameTakenException e) {
                return e;
            }
        });
        assertThat(taken).isInstanceOf(NameTakenException.class).hasMessageContaining("svc");
        assertThat(runtime.whereis("svc")).contains(holder);
        runtime.send(holder, "stop");
    }

    @Test
    void theNameIsReleasedWhenTheOwnerExitsForAnyReason() {
        for (Runnable ending : List.<Runnable>of(
                () -> { },
                () -> Troupe.exit("crash"),
                () -> { throw new IllegalStateException("boom"); },
                Troupe::receive)) {
            Pid owner = runtime.spawn(() -> {
                Troupe.register("transient");
                ending.run();
            });
            await().atMost(PATIENCE).until(() -> !runtime.isAlive(owner) || runtime.whereis("transient").isPresent());
            if (runtime.isAlive(owner)) runtime.exit(owner, ExitReason.KILL);
            awaitDead(owner);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(runtime.whereis("transient")).isEmpty();
                assertThat(runtime.registered()).doesNotContain("transient");
            });
            // and it can be taken again
            call(() -> {
                Troupe.register("transient");
                return null;
            });
        }
    }

    @Test
    void unregisterRemovesTheNameButNotTheProcess() {
        Pid pid = runtime.spawn(waitForAnyMessage());
        runtime.register("temp", pid);
        assertThat(runtime.unregister("temp")).isTrue();
        assertThat(runtime.unregister("temp")).isFalse();
        assertThat(runtime.whereis("temp")).isEmpty();
        assertThat(runtime.isAlive(pid)).isTrue();
        // the process may now take another name
        runtime.register("renamed", pid);
        assertThat(runtime.whereis("renamed")).contains(pid);
        runtime.send("renamed", "stop");
        awaitDead(pid);
        await().atMost(PATIENCE).until(() -> !runtime.registered().contains("renamed"));
    }

    @Test
    void aProcessHasAtMostOneName() {
        Pid pid = runtime.spawn(waitForAnyMessage());
        runtime.register("first", pid);
        assertThatThrownBy(() -> runtime.register("second", pid)).isInstanceOf(IllegalArgumentException.class);
        assertThat(runtime.whereis("second")).isEmpty();
        assertThat(runtime.registered()).doesNotContain("second");
        runtime.send(pid, "stop");
    }

    @Test
    void aDeadPidCannotBeRegistered() {
        Pid dead = runtime.spawn(() -> { });
        awaitDead(dead);
        assertThatThrownBy(() -> runtime.register("ghost", dead)).isInstanceOf(IllegalArgumentException.class);
        assertThat(runtime.whereis("ghost")).isEmpty();
    }

    @Test
    void sendByNameFromAProcessAndFromAPlainThread() {
        List<Object> got = call(() -> {
            Troupe.register("inbox");
            runtime.send("inbox", "from runtime");
            Troupe.send("inbox", "from self");
            List<Object> out = new ArrayList<>();
            out.add(expectAny());
            out.add(expectAny());
            return out;
        });
        assertThat(got).containsExactly("from runtime", "from self");
    }

    @Test
    void concurrentRegistrationOfOneNameHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            int contenders = 16;
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger winners = new AtomicInteger();
            AtomicInteger losers = new AtomicInteger();
            List<Pid> pids = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                pids.add(runtime.spawn(() -> {
                    try {
                        go.await();
                        Troupe.register("contested");
                        winners.incrementAndGet();
                    } catch (NameTakenException e) {
                        losers.incrementAndGet();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    Troupe.receive();
                }));
            }
            go.countDown();
            await().atMost(PATIENCE).until(() -> winners.get() + losers.get() == contenders);
            assertThat(winners.get()).isEqualTo(1);
            assertThat(pids).contains(runtime.whereis("contested").orElseThrow());
            for (Pid pid : pids) runtime.send(pid, "stop");
            for (Pid pid : pids) awaitDead(pid);
            await().atMost(PATIENCE).until(() -> runtime.whereis("contested").isEmpty());
        }
    }
}
