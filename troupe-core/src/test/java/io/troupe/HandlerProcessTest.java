package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Handler processes (runtime.spawn(Handler)) obey the same rules as threaded ones. */
class HandlerProcessTest extends RuntimeTestSupport {

    record Ping(Pid from) {}
    record Pong(Pid from) {}
    record Report(Pid to) {}
    record Ready(Pid pid) {}

    /** Echoes Pings; any other message is recorded and reported on request. */
    static final class Recorder implements Handler {
        final List<Object> seen = new ArrayList<>(); // touched only by handler calls
        int inits;

        @Override
        public void init() {
            inits++;
        }

        @Override
        public void handle(Object message) {
            switch (message) {
                case Ping(Pid from) -> Troupe.send(from, new Pong(Troupe.self()));
                case Report(Pid to) -> Troupe.send(to, List.of(inits, List.copyOf(seen)));
                default -> seen.add(message);
            }
        }
    }

    @Test
    void initRunsOnceBeforeTheFirstMessageAndMessagesArriveInOrder() {
        Pid handler = runtime.spawn(new Recorder());
        for (int i = 0; i < 1000; i++) runtime.send(handler, i);
        List<?> report = call(() -> {
            Troupe.send(handler, new Report(Troupe.self()));
            return expect(List.class);
        });
        assertThat(report.get(0)).isEqualTo(1);
        List<?> seen = (List<?>) report.get(1);
        assertThat(seen).hasSize(1000);
        for (int i = 0; i < 1000; i++) assertThat(seen.get(i)).isEqualTo(i);
    }

    @Test
    void selfInsideAHandlerIsItsPid() {
        call(() -> {
            Pid handler = Troupe.spawn(new Recorder());
            Troupe.send(handler, new Ping(Troupe.self()));
            assertThat(expect(Pong.class).from()).isEqualTo(handler);
            return null;
        });
    }

    @Test
    void handlerCallsNeverOverlap() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        Pid handler = runtime.spawn((Handler) message -> {
            if (inside.incrementAndGet() != 1) overlaps.incrementAndGet();
            Thread.onSpinWait();
            handled.incrementAndGet();
            inside.decrementAndGet();
        });
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) runtime.send(handler, i);
            }));
        }
        await(senders);
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> handled.get() == 80_000);
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void anExceptionInHandleEndsTheProcessWithFailureAndTellsLinksAndMonitors() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned handler = Troupe.spawnMonitor((Handler) message -> {
                if (message.equals("crash")) throw new IllegalStateException("handler crashed");
            });
            Spawned linked = Troupe.spawnMonitor(() -> {
                Troupe.link(handler.pid());
                Troupe.send(root, new Ready(Troupe.self()));
                Troupe.receive();
            });
            expect(Ready.class);
            Troupe.send(handler.pid(), "fine");
            Troupe.send(handler.pid(), "crash");
            Down down = expectDown(handler.monitor());
            assertThat(down.reason()).isInstanceOfSatisfying(ExitReason.Failure.class,
                    f -> assertThat(f.message()).isEqualTo("handler crashed"));
            assertThat(expectDown(linked.monitor()).reason()).isEqualTo(down.reason());
            assertThat(Troupe.isAlive(handler.pid())).isFalse();
            return null;
        });
    }

    @Test
    void anExceptionInInitEndsTheProcess() {
        call(() -> {
            Spawned handler = Troupe.spawnMonitor(new Handler() {
                @Override
                public void init() {
                    throw new IllegalArgumentException("bad init");
                }

                @Override
                public void handle(Object message) {
                }
            });
            assertThat(expectDown(handler.monitor()).reason()).isInstanceOf(ExitReason.Failure.class);
            return null;
        });
    }

    @Test
    void exitInsideAHandlerEndsItWithThatReason() {
        call(() -> {
            Spawned handler = Troupe.spawnMonitor((Handler) message -> Troupe.exit(message));
            Troupe.send(handler.pid(), "had enough");
            assertThat(expectDown(handler.monitor()).reason()).isEqualTo(new ExitReason.Value("had enough"));
            return null;
        });
    }

    @Test
    void aHandlerLinkedToACrashingProcessDiesUnlessItTraps() {
        call(() -> {
            Pid root = Troupe.self();
            Spawned plain = Troupe.spawnMonitor(new Handler() {
                @Override
                public void init() {
                    Troupe.send(root, new Ready(Troupe.self()));
                }

                @Override
                public void handle(Object message) {
                    if (message instanceof Pid pid) {
                        Troupe.link(pid);
                        Troupe.send(root, "linked");
                    }
                }
            });
            Spawned trapping = Troupe.spawnMonitor(new Handler() {
                @Override
                public void init() {
                    Troupe.trapExit(true);
                }

                @Override
                public void handle(Object message) {
                    switch (message) {
                        case Pid pid -> {
                            Troupe.link(pid);
                            Troupe.send(root, "linked");
                        }
                        case Exit exit -> Troupe.send(root, exit);
                        default -> { }
                    }
                }
            });
            expect(Ready.class);
            Pid crasher = Troupe.spawn(() -> {
                Troupe.receive();
                Troupe.exit("crash");
            });
            Troupe.send(plain.pid(), crasher);
            Troupe.send(trapping.pid(), crasher);
            expect(String.class);
            expect(String.class);
            Troupe.send(crasher, "go");
            assertThat(expectDown(plain.monitor()).reason()).isEqualTo(new ExitReason.Value("crash"));
            assertThat(expect(Exit.class)).isEqualTo(new Exit(crasher, new ExitReason.Value("crash")));
            assertThat(Troupe.isAlive(trapping.pid())).isTrue();

            // and kill cannot be trapped by a handler either
            Troupe.exit(trapping.pid(), ExitReason.KILL);
            assertThat(expectDown(trapping.monitor()).reason()).isEqualTo(ExitReason.KILLED);
            return null;
        });
    }

    @Test
    void aHandlerCanMonitorSpawnAndRegister() {
        call(() -> {
            Pid root = Troupe.self();
            Pid handler = Troupe.spawn(new Handler() {
                @Override
                public void init() {
                    Troupe.register("handler-svc");
                    Troupe.spawnMonitor(() -> Troupe.exit("child done"));
                }

                @Override
                public void handle(Object message) {
                    Troupe.send(root, message);
                }
            });
            Down down = expect(Down.class);
            assertThat(down.reason()).isEqualTo(new ExitReason.Value("child done"));
            assertThat(runtime.whereis("handler-svc")).contains(handler);
            Troupe.send("handler-svc", "by name");
            assertThat(expect(String.class)).isEqualTo("by name");
            Troupe.exit(handler, ExitReason.KILL);
            awaitDead(handler);
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> runtime.whereis("handler-svc").isEmpty());
            return null;
        });
    }

    @Test
    void receiveInsideAHandlerIsRefusedWithAClearMessage() {
        call(() -> {
            Spawned handler = Troupe.spawnMonitor((Handler) message -> Troupe.receive());
            Troupe.send(handler.pid(), "try");
            ExitReason reason = expectDown(handler.monitor()).reason();
            assertThat(reason).isInstanceOfSatisfying(ExitReason.Failure.class, f -> {
                assertThat(f.type()).isEqualTo(IllegalStateException.class.getName());
                assertThat(f.message()).contains("receive").contains("Handler");
            });
            return null;
        });
    }

    @Test
    void demonitorInsideAHandlerDoesNotStrandQueuedMessages() throws Exception {
        // demonitor flushes the mailbox into the stash; a batch that ends with messages left only
        // in the stash must still be rescheduled.
        try (TroupeRuntime small = TroupeRuntime.start(RuntimeOptions.defaults().withThroughput(4))) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger numbers = new AtomicInteger();
            Pid target = small.spawn(waitForAnyMessage());
            Pid handler = small.spawn(new Handler() {
                Ref ref;

                @Override
                public void init() throws InterruptedException {
                    ref = Troupe.monitor(target);
                    release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS); // let messages pile up
                }

                @Override
                public void handle(Object message) {
                    if (message.equals("demonitor")) Troupe.demonitor(ref);
                    else numbers.incrementAndGet();
                }
            });
            small.send(handler, "demonitor");
            for (int i = 0; i < 20; i++) small.send(handler, i);
            release.countDown();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(numbers.get()).isEqualTo(20));
            small.send(target, "stop");
        }
    }

    private static void await(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
