package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Trapping exits: CL-6 (ConcurrentLua example 5b) and Erlang's rules, per process. */
class TrapExitTest extends RuntimeTestSupport {

    record Ping(Pid from) {}
    record Pong() {}
    record Ready(Pid pid) {}

    @Test
    void aTrappingProcessGetsAnExitMessageInsteadOfDying() {
        Queue<String> trace = new ConcurrentLinkedQueue<>();
        Queue<Exit> exits = new ConcurrentLinkedQueue<>();
        call(() -> {
            Spawned pong = Troupe.spawnMonitor(() -> {
                Troupe.trapExit(true);
                while (true) {
                    switch (Troupe.receive()) {
                        case Ping(Pid from) -> {
                            trace.add("pong received ping");
                            Troupe.send(from, new Pong());
                        }
                        case Exit exit -> {
                            exits.add(exit);
                            trace.add("pong finished");
                            return;
                        }
                        default -> throw new IllegalStateException();
                    }
                }
            });
            Spawned ping = Troupe.spawnMonitor(() -> {
                Troupe.link(pong.pid());
                for (int i = 0; i < 3; i++) {
                    Troupe.send(pong.pid(), new Ping(Troupe.self()));
                    Troupe.receive(Pong.class);
                    trace.add("ping received pong");
                }
                trace.add("ping finished");
                Troupe.exit("finished");
            });
            assertThat(expectDown(ping.monitor()).reason()).isEqualTo(new ExitReason.Value("finished"));
            assertThat(expectDown(pong.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            assertThat(exits).containsExactly(new Exit(ping.pid(), new ExitReason.Value("finished")));
            return null;
        });
        assertThat(trace).endsWith("ping finished", "pong finished");
        assertThat(trace).filteredOn(line -> line.startsWith("pong")).containsExactly(
                "pong received ping", "pong received ping", "pong received ping", "pong finished");
    }

    @Test
    void aTrappingProcessIsAlsoToldOfNormalExits() {
        call(() -> {
            Troupe.trapExit(true);
            Pid child = Troupe.spawnLink(() -> { });
            assertThat(expect(Exit.class)).isEqualTo(new Exit(child, ExitReason.NORMAL));
            return null;
        });
    }

    @Test
    void exitSignalsSentWithExitPidReasonArriveAsMessagesFromTheSender() {
        call(() -> {
            Pid root = Troupe.self();
            Pid trapper = Troupe.spawn(() -> {
                Troupe.trapExit(true);
                Troupe.send(root, new Ready(Troupe.self()));
                for (int i = 0; i < 2; i++) Troupe.send(root, Troupe.receive(Exit.class));
            });
            expect(Ready.class);
            Troupe.exit(trapper, new ExitReason.Value("please stop"));
            Troupe.exit(trapper, ExitReason.NORMAL);
            assertThat(expect(Exit.class)).isEqualTo(new Exit(root, new ExitReason.Value("please stop")));
            assertThat(expect(Exit.class)).isEqualTo(new Exit(root, ExitReason.NORMAL));
            return null;
        });
    }

    @Test
    void exitSignalFromAPlainThreadComesFromTheSystem() {
        call(() -> {
            Pid root = Troupe.self();
            Pid trapper = Troupe.spawn(() -> {
                Troupe.trapExit(true);
                Troupe.send(root, new Ready(Troupe.self()));
                Troupe.send(root, Troupe.receive(Exit.class));
            });
            expect(Ready.class);
            Thread.ofPlatform().start(() -> runtime.exit(trapper, ExitReason.SHUTDOWN)).join();
            Exit exit = expect(Exit.class);
            assertThat(exit.reason()).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(exit.from()).isNotNull().isNotEqualTo(trapper).isNotEqualTo(root);
            assertThat(exit.from().node()).isEqualTo(runtime.node());
            return null;
        });
    }

    @Test
    void killCannotBeTrapped() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned trapper = Troupe.spawnMonitor(() -> {
                Troupe.trapExit(true);
                Troupe.send(root, new Ready(Troupe.self()));
                while (true) Troupe.receive(); // would swallow any Exit
            });
            expect(Ready.class);
            Troupe.exit(trapper.pid(), ExitReason.KILL);
            assertThat(expectDown(trapper.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            assertThat(Troupe.isAlive(trapper.pid())).isFalse();
            return null;
        });
    }

    @Test
    void aNonTrappingProcessIgnoresNormalSignalsButDiesOfOthers() {
        call(() -> {
            Spawned target = Troupe.spawnMonitor(waitForAnyMessage());
            Troupe.exit(target.pid(), ExitReason.NORMAL);
            expectNothing(m -> m instanceof Down, Duration.ofMillis(100));
            assertThat(Troupe.isAlive(target.pid())).isTrue();
            Troupe.exit(target.pid(), new ExitReason.Value("go away"));
            assertThat(expectDown(target.monitor()).reason()).isEqualTo(new ExitReason.Value("go away"));
            return null;
        });
    }

    @Test
    void exitSelfNormalWithASignalEndsTheCaller() {
        call(() -> {
            Spawned self = Troupe.spawnMonitor(() -> {
                Troupe.exit(Troupe.self(), ExitReason.NORMAL);
                Troupe.receive(); // not reached
            });
            assertThat(expectDown(self.monitor()).reason()).isEqualTo(ExitReason.NORMAL);
            return null;
        });
    }

    @Test
    void trappingIsPerProcessAndCanBeTurnedOff() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned trapper = Troupe.spawnMonitor(() -> {
                boolean before = Troupe.trapExit(true);
                Troupe.send(root, before ? "was on" : "was off");
                Troupe.send(root, new Ready(Troupe.self()));
                Troupe.send(root, Troupe.receive(Exit.class));
                boolean during = Troupe.trapExit(false);
                Troupe.send(root, during ? "was on" : "was off");
                Troupe.receive(); // the next signal kills
            });
            Spawned plain = Troupe.spawnMonitor(waitForAnyMessage());
            assertThat(expect(String.class)).isEqualTo("was off");
            expect(Ready.class);

            Troupe.exit(plain.pid(), new ExitReason.Value("one"));
            Troupe.exit(trapper.pid(), new ExitReason.Value("one"));
            assertThat(expectDown(plain.monitor()).reason()).isEqualTo(new ExitReason.Value("one"));
            assertThat(expect(Exit.class).reason()).isEqualTo(new ExitReason.Value("one"));
            assertThat(expect(String.class)).isEqualTo("was on");

            Troupe.exit(trapper.pid(), new ExitReason.Value("two"));
            assertThat(expectDown(trapper.monitor()).reason()).isEqualTo(new ExitReason.Value("two"));
            return null;
        });
    }

    @Test
    void aTrappingProcessLinkedToAKilledOneSeesKilled() {
        call(() -> {
            Troupe.trapExit(true);
            Pid victim = Troupe.spawnLink(waitForAnyMessage());
            Troupe.exit(victim, ExitReason.KILL);
            assertThat(expect(Exit.class)).isEqualTo(new Exit(victim, ExitReason.KILLED));
            return null;
        });
    }
}
