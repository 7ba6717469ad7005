package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Links: CL-5 (ConcurrentLua example 5a) and Erlang's link rules. */
class LinksTest extends RuntimeTestSupport {

    record Ping(Pid from) {}
    record Pong() {}
    record Finished() {}
    record Linked(Pid pid) {}

    /** CL-5's pong: answers pings until told to finish. */
    static Runnable pong(Queue<String> trace) {
        return () -> {
            while (true) {
                switch (Troupe.receive()) {
                    case Ping(Pid from) -> {
                        trace.add("pong received ping");
                        Troupe.send(from, new Pong());
                    }
                    case Finished f -> {
                        trace.add("pong finished");
                        return;
                    }
                    default -> throw new IllegalStateException();
                }
            }
        };
    }

    @Test
    void abnormalExitKillsTheLinkedProcess() {
        Queue<String> pongTrace = new ConcurrentLinkedQueue<>();
        Queue<String> pingTrace = new ConcurrentLinkedQueue<>();
        call(() -> {
            Spawned pong = Troupe.spawnMonitor(pong(pongTrace));
            Spawned ping = Troupe.spawnMonitor(() -> {
                Troupe.link(pong.pid());
                for (int i = 0; i < 3; i++) {
                    Troupe.send(pong.pid(), new Ping(Troupe.self()));
                    Troupe.receive(Pong.class);
                    pingTrace.add("ping received pong");
                }
                pingTrace.add("ping finished");
                Troupe.exit("finished");
            });
            assertThat(expectDown(ping.monitor()).reason()).isEqualTo(new ExitReason.Value("finished"));
            assertThat(expectDown(pong.monitor()).reason()).isEqualTo(new ExitReason.Value("finished"));
            assertThat(Troupe.isAlive(pong.pid())).isFalse();
            return null;
        });
        assertThat(pingTrace).containsExactly(
                "ping received pong", "ping received pong", "ping received pong", "ping finished");
        assertThat(pongTrace).containsExactly("pong received ping", "pong received ping", "pong received ping");
    }

    @Test
    void normalExitDoesNotKillLinkedProcesses() {
        call(() -> {
            Spawned survivor = Troupe.spawnMonitor(waitForAnyMessage());
            Spawned leaver = Troupe.spawnMonitor(() -> {
                Troupe.link(survivor.pid());
                Troupe.exit(ExitReason.NORMAL);
            });
            assertThat(expectDown(leaver.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            Spawned returner = Troupe.spawnMonitor(() -> Troupe.link(survivor.pid()));
            assertThat(expectDown(returner.monitor()).reason()).isEqualTo(ExitReason.NORMAL);

            assertThat(Troupe.isAlive(survivor.pid())).isTrue();
            Troupe.send(survivor.pid(), "done");
            assertThat(expectDown(survivor.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            return null;
        });
    }

    @Test
    void linksAreBidirectional() {
        call(() -> {
            // The process that called link() dies when the other end crashes.
            Spawned crasher = Troupe.spawnMonitor(() -> {
                Troupe.receive();
                throw new IllegalStateException("crash");
            });
            Spawned linker = Troupe.spawnMonitor(() -> {
                Troupe.link(crasher.pid());
                Troupe.send(crasher.pid(), "go");
                Troupe.receive();
            });
            ExitReason crash = expectDown(crasher.monitor()).reason();
            assertThat(crash).isInstanceOf(ExitReason.Failure.class);
            assertThat(expectDown(linker.monitor()).reason()).isEqualTo(crash);
            return null;
        });
    }

    @Test
    void unlinkStopsTheSignal() {
        call(() -> {
            Spawned other = Troupe.spawnMonitor(waitForAnyMessage());
            Spawned quitter = Troupe.spawnMonitor(() -> {
                Troupe.link(other.pid());
                Troupe.link(other.pid()); // twice is the same as once
                Troupe.unlink(other.pid());
                Troupe.exit("quit");
            });
            assertThat(expectDown(quitter.monitor()).reason()).isEqualTo(new ExitReason.Value("quit"));
            assertThat(Troupe.isAlive(other.pid())).isTrue();
            Troupe.send(other.pid(), "done");
            expectDown(other.monitor());
            return null;
        });
    }

    @Test
    void linkingToADeadProcessSendsNoproc() {
        Pid dead = runtime.spawn(() -> { });
        awaitDead(dead);
        call(() -> {
            // not trapping: the caller dies with noproc
            Spawned linker = Troupe.spawnMonitor(() -> {
                Troupe.link(dead);
                Troupe.receive(); // not reached
            });
            assertThat(expectDown(linker.monitor()).reason()).isEqualTo(ExitReason.NOPROC);

            // trapping: an Exit message instead
            Troupe.trapExit(true);
            Troupe.link(dead);
            Exit exit = expect(Exit.class);
            assertThat(exit.from()).isEqualTo(dead);
            assertThat(exit.reason()).isEqualTo(ExitReason.NOPROC);
            return null;
        });
    }

    @Test
    void spawnLinkIsAtomicEvenForChildrenThatExitAtOnce() {
        call(() -> {
            Troupe.trapExit(true);
            List<Pid> children = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                children.add(Troupe.spawnLink(() -> Troupe.exit("bye " + n)));
            }
            for (int i = 0; i < 500; i++) {
                Exit exit = expect(Exit.class);
                // never noproc: the link existed before the child ran
                assertThat(exit.reason()).isInstanceOf(ExitReason.Value.class);
                int n = Integer.parseInt(((ExitReason.Value) exit.reason()).value().toString().substring(4));
                assertThat(exit.from()).isEqualTo(children.get(n));
            }
            return null;
        });
    }

    @Test
    void spawnLinkedChildCrashKillsANonTrappingParent() {
        call(() -> {
            Spawned parent = Troupe.spawnMonitor(() -> {
                Troupe.spawnLink(() -> {
                    throw new IllegalArgumentException("child failed");
                });
                Troupe.receive(); // killed here by the link
            });
            ExitReason reason = expectDown(parent.monitor()).reason();
            assertThat(reason).isInstanceOfSatisfying(ExitReason.Failure.class, failure -> {
                assertThat(failure.type()).isEqualTo(IllegalArgumentException.class.getName());
                assertThat(failure.message()).isEqualTo("child failed");
            });
            return null;
        });
    }

    @Test
    void anExitSignalTravelsDownAChainOfLinks() {
        call(() -> {
            Pid root = Troupe.self();
            int length = 50;
            List<Spawned> chain = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                Pid previous = i == 0 ? null : chain.get(i - 1).pid();
                chain.add(Troupe.spawnMonitor(() -> {
                    if (previous != null) Troupe.link(previous);
                    Troupe.send(root, new Linked(Troupe.self()));
                    Troupe.receive(Finished.class);
                    Troupe.exit("chain broke");
                }));
            }
            for (int i = 0; i < length; i++) expect(Linked.class);
            Troupe.send(chain.get(length / 2).pid(), new Finished()); // break it in the middle
            for (Spawned s : chain) {
                assertThat(expectDown(s.monitor()).reason()).isEqualTo(new ExitReason.Value("chain broke"));
            }
            return null;
        });
    }

    @Test
    void killPropagatesAsKilledThroughLinks() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned victim = Troupe.spawnMonitor(waitForAnyMessage());
            Spawned partner = Troupe.spawnMonitor(() -> {
                Troupe.link(victim.pid());
                Troupe.send(root, new Linked(Troupe.self()));
                Troupe.receive();
            });
            expect(Linked.class);
            Troupe.exit(victim.pid(), ExitReason.KILL);
            assertThat(expectDown(victim.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            assertThat(expectDown(partner.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            return null;
        });
    }

    @Test
    void theRootProcessCanBeLinkedAndTrapsLikeAnyOther() {
        call(() -> {
            Troupe.trapExit(true);
            Pid child = Troupe.spawnLink(() -> {
                throw new IllegalStateException("child crashed");
            });
            Exit exit = expect(Exit.class);
            assertThat(exit.from()).isEqualTo(child);
            assertThat(exit.reason()).isInstanceOf(ExitReason.Failure.class);
            return null;
        });
    }

    @Test
    void spawnLinkFromAProcessKilledMidwayLeavesNoOrphanChild() {
        java.util.concurrent.atomic.AtomicBoolean proceed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        int baseline = runtime.processCount();
        Pid parent = runtime.spawn(() -> {
            // Busy without any Troupe call, so the kill is only noticed at the next one.
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!proceed.get() && System.nanoTime() < deadline) Thread.onSpinWait();
            try {
                Troupe.spawnLink(() -> { });
            } catch (Throwable t) {
                outcome.set(t);
                throw t;
            }
        });
        runtime.exit(parent, ExitReason.KILL);
        awaitDead(parent);
        proceed.set(true);
        await().atMost(PATIENCE).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isInstanceOf(ProcessExit.class);
        awaitProcessCount(baseline);
    }
}
