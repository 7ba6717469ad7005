package io.troupe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Graceful shutdown: every process gets a SHUTDOWN exit signal; trapping ones may clean up. */
class ShutdownTest {

    static final Duration PATIENCE = RuntimeTestSupport.PATIENCE;

    static TroupeRuntime start(Duration shutdownTimeout) {
        return TroupeRuntime.start(RuntimeOptions.defaults().withShutdownTimeout(shutdownTimeout));
    }

    @Test
    void everyProcessGetsShutdownAndTrappingOnesCanCleanUp() throws Exception {
        Map<String, ExitReason> downs = new ConcurrentHashMap<>();
        Queue<String> cleanups = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(4);
        TroupeRuntime runtime = start(Duration.ofSeconds(5));
        try {
            Pid plain = runtime.spawn(() -> {
                ready.countDown();
                Troupe.receive();
            });
            Pid plainHandler = runtime.spawn(new Handler() {
                @Override
                public void init() {
                    ready.countDown();
                }

                @Override
                public void handle(Object message) {
                }
            });
            // a trapping threaded process that watches the two above and cleans up
            runtime.spawn(() -> {
                Troupe.trapExit(true);
                Ref a = Troupe.monitor(plain);
                Ref b = Troupe.monitor(plainHandler);
                ready.countDown();
                Exit exit = Troupe.receive(Exit.class);
                cleanups.add("threaded trapper: " + exit.reason());
                for (int i = 0; i < 2; i++) {
                    Down down = Troupe.receive(Down.class, PATIENCE);
                    if (down == null) break;
                    downs.put(down.ref().equals(a) ? "plain" : down.ref().equals(b) ? "handler" : "?", down.reason());
                }
            });
            // a trapping handler process
            runtime.spawn(new Handler() {
                @Override
                public void init() {
                    Troupe.trapExit(true);
                    ready.countDown();
                }

                @Override
                public void handle(Object message) {
                    if (message instanceof Exit exit) {
                        cleanups.add("handler trapper: " + exit.reason());
                        Troupe.exit(ExitReason.NORMAL);
                    }
                }
            });
            assertThat(ready.await(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            assertThat(runtime.processCount()).isEqualTo(4);

            runtime.shutdown();
            assertThat(runtime.awaitTermination(PATIENCE)).isTrue();

            assertThat(runtime.processCount()).isZero();
            assertThat(cleanups).containsExactlyInAnyOrder("threaded trapper: shutdown", "handler trapper: shutdown");
            assertThat(downs).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "plain", ExitReason.SHUTDOWN, "handler", ExitReason.SHUTDOWN));
            assertThat(runtime.isAlive(plain)).isFalse();
            assertThat(runtime.isAlive(plainHandler)).isFalse();
        } finally {
            runtime.close();
        }
    }

    @Test
    void spawningAfterShutdownIsRefused() throws Exception {
        try (TroupeRuntime runtime = start(Duration.ofSeconds(5))) {
            runtime.shutdown();
            assertThat(runtime.awaitTermination(PATIENCE)).isTrue();
            assertThatThrownBy(() -> runtime.spawn(() -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> runtime.spawn((Handler) m -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> runtime.run(() -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void awaitTerminationReportsProcessesThatIgnoreShutdown() throws Exception {
        try (TroupeRuntime runtime = start(Duration.ofSeconds(5))) {
            CountDownLatch trapping = new CountDownLatch(1);
            Pid stubborn = runtime.spawn(() -> {
                Troupe.trapExit(true);
                trapping.countDown();
                while (true) Troupe.receive(); // ignores the Exit
            });
            assertThat(trapping.await(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            runtime.shutdown();
            assertThat(runtime.awaitTermination(Duration.ofMillis(200))).isFalse();
            assertThat(runtime.isAlive(stubborn)).isTrue();
            runtime.exit(stubborn, ExitReason.KILL);
            assertThat(runtime.awaitTermination(PATIENCE)).isTrue();
        }
    }

    @Test
    void closeKillsWhatRemainsAfterTheShutdownTimeout() {
        TroupeRuntime runtime = start(Duration.ofMillis(300));
        CountDownLatch trapping = new CountDownLatch(1);
        Pid stubborn = runtime.spawn(() -> {
            Troupe.trapExit(true);
            trapping.countDown();
            while (true) Troupe.receive();
        });
        await().atMost(PATIENCE).until(() -> trapping.getCount() == 0);
        long start = System.nanoTime();
        ch.qos.logback.classic.Logger log =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.troupe.internal.LocalRuntime");
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.ERROR); // the expected "did not stop; killing them" warning
        try {
            runtime.close();
        } finally {
            log.setLevel(level);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(PATIENCE);
        assertThat(runtime.isAlive(stubborn)).isFalse();
        await().atMost(PATIENCE).until(() -> runtime.processCount() == 0);
        runtime.close(); // idempotent
    }

    @Test
    void shutdownOfAnIdleRuntimeTerminatesAtOnce() throws Exception {
        try (TroupeRuntime runtime = start(Duration.ofSeconds(5))) {
            runtime.shutdown();
            assertThat(runtime.awaitTermination(Duration.ZERO.plusMillis(1))).isTrue();
        }
    }

    @Test
    void manyProcessesShutDownTogether() throws Exception {
        try (TroupeRuntime runtime = start(Duration.ofSeconds(5))) {
            for (int i = 0; i < 5_000; i++) {
                if (i % 2 == 0) runtime.spawn(RuntimeTestSupport.waitForAnyMessage());
                else runtime.spawn((Handler) m -> { });
            }
            assertThat(runtime.processCount()).isEqualTo(5_000);
            runtime.shutdown();
            assertThat(runtime.awaitTermination(PATIENCE)).isTrue();
            assertThat(runtime.processCount()).isZero();
        }
    }
}
