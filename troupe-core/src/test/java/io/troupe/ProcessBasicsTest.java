package io.troupe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Spawning, sending, the root process and ConcurrentLua's first samples (CL-1, CL-2). */
class ProcessBasicsTest extends RuntimeTestSupport {

    record Ping(Pid from) {}
    record Pong() {}
    record Finished() {}

    // ------------------------------------------------------------------ CL-1 hello world

    static void helloWorld(int times, List<String> out) {
        for (int i = 0; i < times; i++) out.add("hello world");
    }

    @Test
    void helloWorldWithArgumentsRunsUntilItFinishes() {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        int baseline = runtime.processCount();

        Pid hello = runtime.spawn(() -> helloWorld(3, out)); // arguments through the lambda
        // ConcurrentLua's loop(): wait until every process has finished.
        awaitProcessCount(baseline);
        out.add("done");

        assertThat(out).containsExactly("hello world", "hello world", "hello world", "done");
        assertThat(runtime.isAlive(hello)).isFalse();
    }

    @Test
    void rootProcessSeesItsChildFinishNormally() {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        runtime.run(() -> {
            Spawned hello = Troupe.spawnMonitor(() -> helloWorld(3, out));
            Down down = expectDown(hello.monitor());
            assertThat(down.pid()).isEqualTo(hello.pid());
            assertThat(down.reason()).isEqualTo(ExitReason.NORMAL);
            out.add("done");
        });
        assertThat(out).containsExactly("hello world", "hello world", "hello world", "done");
    }

    // ------------------------------------------------------------------ CL-2 ping-pong by pid

    @Test
    void pingPongByPidEachProcessKeepsItsOwnTrace() {
        Queue<String> pongTrace = new ConcurrentLinkedQueue<>();
        Queue<String> pingTrace = new ConcurrentLinkedQueue<>();
        // A global sequence to check causality across processes (not interleaving, which is free).
        AtomicInteger clock = new AtomicInteger();
        int[][] seen = new int[3][2];
        int baseline = runtime.processCount();

        Pid pong = runtime.spawn(() -> {
            int round = 0;
            while (true) {
                switch (Troupe.receive()) {
                    case Ping(Pid from) -> {
                        seen[round++][0] = clock.incrementAndGet();
                        pongTrace.add("pong received ping");
                        Troupe.send(from, new Pong());
                    }
                    case Finished f -> {
                        pongTrace.add("pong finished");
                        return;
                    }
                    default -> throw new IllegalStateException("unexpected");
                }
            }
        });
        runtime.spawn(() -> {
            for (int i = 0; i < 3; i++) {
                Troupe.send(pong, new Ping(Troupe.self()));
                Troupe.receive(Pong.class);
                seen[i][1] = clock.incrementAndGet();
                pingTrace.add("ping received pong");
            }
            Troupe.send(pong, new Finished());
            pingTrace.add("ping finished");
        });

        awaitProcessCount(baseline);
        assertThat(pongTrace).containsExactly(
                "pong received ping", "pong received ping", "pong received ping", "pong finished");
        assertThat(pingTrace).containsExactly(
                "ping received pong", "ping received pong", "ping received pong", "ping finished");
        for (int[] round : seen) {
            assertThat(round[0]).as("pong got ping before ping got pong").isLessThan(round[1]);
        }
    }

    // ------------------------------------------------------------------ send

    @Test
    void messagesFromOneSenderArriveInOrder() {
        int count = 20_000;
        List<Integer> received = call(() -> {
            Pid self = Troupe.self();
            Troupe.spawn(() -> {
                for (int i = 0; i < count; i++) Troupe.send(self, i);
            });
            List<Integer> got = new ArrayList<>(count);
            for (int i = 0; i < count; i++) got.add((Integer) expectAny());
            return got;
        });
        for (int i = 0; i < count; i++) assertThat(received.get(i)).isEqualTo(i);
    }

    @Test
    void sendToADeadPidIsDroppedSilently() {
        Pid dead = runtime.spawn(() -> { });
        awaitDead(dead);
        int baseline = runtime.processCount();

        runtime.send(dead, "from a plain thread");
        Troupe.send(dead, "from a plain thread, through Troupe");
        Boolean sentFromProcess = call(() -> {
            Troupe.send(dead, "from a process");
            return true;
        });

        assertThat(sentFromProcess).isTrue();
        assertThat(runtime.isAlive(dead)).isFalse();
        assertThat(runtime.processCount()).isEqualTo(baseline);
    }

    @Test
    void sendToAnUnregisteredNameThrows() {
        assertThatThrownBy(() -> runtime.send("nobody", "hello"))
                .isInstanceOf(NoSuchNameException.class)
                .hasMessageContaining("nobody")
                .extracting(e -> ((NoSuchNameException) e).name()).isEqualTo("nobody");

        Throwable insideProcess = call(() -> {
            try {
                Troupe.send("nobody", "hello");
                return null;
            } catch (NoSuchNameException e) {
                return e;
            }
        });
        assertThat(insideProcess).isInstanceOf(NoSuchNameException.class);
    }

    @Test
    void nullMessagesAreRejected() {
        Pid pid = runtime.spawn(waitForAnyMessage());
        assertThatThrownBy(() -> runtime.send(pid, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Troupe.send(pid, null)).isInstanceOf(NullPointerException.class);
        runtime.send(pid, "stop");
        awaitDead(pid);
    }

    // ------------------------------------------------------------------ outside a process

    @Test
    void processOnlyCallsFromAPlainThreadThrowAClearIllegalStateException() {
        assertThatThrownBy(Troupe::receive)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("receive")
                .hasMessageContaining("inside a Troupe process");
        assertThatThrownBy(() -> Troupe.receive(Duration.ofMillis(10)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(Troupe::self)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("self()");
        assertThatThrownBy(() -> Troupe.spawn(() -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Troupe.trapExit(true))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Troupe.exit("x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plainThreadsCanSpawnAndSend() throws Exception {
        AtomicReference<Object> got = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread plain = Thread.ofPlatform().start(() -> {
            try {
                Pid receiver = runtime.spawn(() -> {
                    got.set(List.of(Troupe.receive(), Troupe.receive()));
                });
                runtime.send(receiver, "via runtime");
                Troupe.send(receiver, "via Troupe");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        plain.join(PATIENCE.toMillis());
        assertThat(failure.get()).isNull();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(got.get()).isEqualTo(List.of("via runtime", "via Troupe")));
    }

    // ------------------------------------------------------------------ root process (run / call)

    @Test
    void callMakesTheCallingThreadARootProcess() throws Exception {
        int baseline = runtime.processCount();
        Thread caller = Thread.currentThread();
        AtomicReference<Pid> inside = new AtomicReference<>();

        String answer = runtime.call(() -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            Pid self = Troupe.self();
            inside.set(self);
            assertThat(runtime.isAlive(self)).isTrue();
            assertThat(runtime.processCount()).isEqualTo(baseline + 1);
            assertThat(Troupe.runtime()).isSameAs(runtime);
            Troupe.spawn(() -> Troupe.send(self, "hi from child"));
            return (String) expectAny();
        });

        assertThat(answer).isEqualTo("hi from child");
        assertThat(runtime.isAlive(inside.get())).isFalse();
        awaitProcessCount(baseline);
        assertThatThrownBy(Troupe::self).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runMakesTheCallingThreadARootProcessThatCanBeMonitored() throws Exception {
        AtomicReference<Down> down = new AtomicReference<>();
        runtime.run(() -> {
            Pid root = Troupe.self();
            Troupe.spawn(() -> {
                Troupe.monitor(root);
                Troupe.send(root, "watching");
                down.set(Troupe.receive(Down.class));
            });
            assertThat(expectAny()).isEqualTo("watching");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(down.get()).isNotNull());
        assertThat(down.get().reason()).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void callRethrowsTheBlocksExceptionAndTellsTheLinks() {
        AtomicReference<Pid> child = new AtomicReference<>();
        assertThatThrownBy(() -> runtime.call(() -> {
            child.set(Troupe.spawnLink(waitForAnyMessage()));
            throw new IOException("root failed");
        })).isInstanceOf(IOException.class).hasMessage("root failed");
        awaitDead(child.get());
    }

    @Test
    void exitNormalInsideCallEndsTheBlockQuietly() throws Exception {
        Object result = runtime.call(() -> {
            Troupe.exit(ExitReason.NORMAL);
            return "unreachable";
        });
        assertThat(result).isNull();

        assertThatThrownBy(() -> runtime.run(() -> Troupe.exit("bad")))
                .isInstanceOf(ProcessExit.class)
                .satisfies(e -> assertThat(((ProcessExit) e).reason()).isEqualTo(new ExitReason.Value("bad")));
    }

    @Test
    void callCannotBeNestedOnOneThread() {
        Throwable nested = call(() -> {
            try {
                runtime.run(() -> { });
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertThat(nested).isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");

        // nor inside a spawned process
        AtomicReference<Throwable> inProcess = new AtomicReference<>();
        runtime.spawn(() -> {
            try {
                runtime.run(() -> { });
            } catch (IllegalStateException e) {
                inProcess.set(e);
            }
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(inProcess.get()).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void aKilledRootProcessUnwindsCallWithKilledAndLeavesTheThreadUninterrupted() {
        Pid[] root = new Pid[1];
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            runtime.exit(root[0], ExitReason.KILL);
        });
        assertThatThrownBy(() -> runtime.run(() -> {
            root[0] = Troupe.self();
            waiting.countDown();
            Troupe.receive(); // blocks until killed
        })).isInstanceOfSatisfying(ProcessExit.class, e -> assertThat(e.reason()).isEqualTo(ExitReason.KILLED));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(runtime.isAlive(root[0])).isFalse();
        // the thread can be a root process again
        assertThat(call(() -> "again")).isEqualTo("again");
    }

    @Test
    void aThreadCanBeARootProcessAgainAfterwards() {
        Pid first = call(Troupe::self);
        Pid second = call(Troupe::self);
        assertThat(first).isNotEqualTo(second);
        assertThat(runtime.isAlive(first)).isFalse();
        assertThat(runtime.isAlive(second)).isFalse();
    }

    // ------------------------------------------------------------------ pids, timers, sleep

    @Test
    void pidsAreValuesWithUniqueIds() {
        Pid a = runtime.spawn(() -> {
            if (Troupe.receive() instanceof Ping(Pid from)) Troupe.send(from, new Ping(Troupe.self()));
        });
        Pid b = runtime.spawn(waitForAnyMessage());
        Pid aAgain = call(() -> {
            Troupe.send(a, new Ping(Troupe.self()));
            return expect(Ping.class).from(); // a's pid as seen from inside a
        });
        awaitDead(a);

        assertThat(a).isEqualTo(aAgain).hasSameHashCodeAs(aAgain);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.node()).isEqualTo(RuntimeOptions.LOCAL_NODE).isEqualTo(runtime.node());
        assertThat(a.creation()).isEqualTo(b.creation());
        assertThat(a.compareTo(b)).isEqualTo(-b.compareTo(a)).isNotZero();
        assertThat(a.toString()).isEqualTo("<" + a.node() + "." + a.id() + "." + a.creation() + ">");
        runtime.send(b, "stop");
    }

    @Test
    void sendAfterDeliversLaterAndCanBeCancelled() {
        call(() -> {
            long start = System.nanoTime();
            Troupe.sendAfter(Duration.ofMillis(100), Troupe.self(), "tick");
            assertThat(expectAny()).isEqualTo("tick");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));

            Cancellable timer = Troupe.sendAfter(Duration.ofMillis(100), Troupe.self(), "cancelled");
            assertThat(timer.cancel()).isTrue();
            assertThat(timer.cancel()).isFalse();
            expectNothing(m -> true, Duration.ofMillis(300));
            return null;
        });
    }

    @Test
    void sleepDoesNotTakeMessages() {
        call(() -> {
            Troupe.send(Troupe.self(), "waiting");
            long start = System.nanoTime();
            Troupe.sleep(Duration.ofMillis(50));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(Troupe.receive(Duration.ZERO)).isEqualTo("waiting");
            return null;
        });
    }
}
