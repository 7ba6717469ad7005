package io.troupe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoroutineTest {
    private final TroupeRuntime runtime = TroupeRuntime.start();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void coroutinesNeverRunInParallelWithTheBody() {
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        int[] shared = new int[1]; // plain field shared without locks
        runtime.run(() -> {
            for (int c = 0; c < 4; c++) {
                Troupe.coroutine(() -> {
                    for (int i = 0; i < 200; i++) {
                        if (running.incrementAndGet() > 1) overlapped.set(true);
                        shared[0]++;
                        running.decrementAndGet();
                        Troupe.receive(Duration.ofNanos(1)); // a Troupe wait: a switch point
                    }
                });
            }
            for (int i = 0; i < 200; i++) {
                if (running.incrementAndGet() > 1) overlapped.set(true);
                shared[0]++;
                running.decrementAndGet();
                Troupe.receive(Duration.ofNanos(1));
            }
            Troupe.receive(Duration.ofMillis(500)); // let the coroutines finish
        });
        assertThat(overlapped).isFalse();
        assertThat(shared[0]).isEqualTo(1000);
    }

    @Test
    void exceptionInCoroutine_failsTheProcess() {
        runtime.run(() -> {
            Spawned child = Troupe.spawnMonitor(() -> {
                Troupe.coroutine(() -> {
                    throw new IllegalStateException("coroutine broke");
                });
                Troupe.receive();
            });
            Down down = Troupe.receive(Down.class, Duration.ofSeconds(5));
            assertThat(down.pid()).isEqualTo(child.pid());
            assertThat(down.reason()).isInstanceOfSatisfying(ExitReason.Failure.class,
                    failure -> assertThat(failure.message()).isEqualTo("coroutine broke"));
        });
    }

    @Test
    void coroutinesEndWithTheirProcess() {
        AtomicBoolean stillRunningAfterExit = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        runtime.run(() -> {
            Spawned child = Troupe.spawnMonitor(() -> {
                Troupe.coroutine(() -> {
                    started.set(true);
                    while (true) Troupe.receive(Duration.ofMillis(10));
                });
                Troupe.receive(Duration.ofMillis(50));
            });
            Troupe.receive(Down.class, Duration.ofSeconds(5));
            assertThat(started).isTrue();
        });
        assertThat(runtime.processCount()).isZero();
        assertThat(stillRunningAfterExit).isFalse();
    }

    @Test
    void bodyParkedInReceive_isWokenWhileACoroutineKeepsWaking() {
        // Regression: a coroutine leaving its own wait used to reset the process's shared parking
        // state, so a message for the parked body caused no wake-up (found through the echo relay).
        int messages = 100;
        runtime.run(() -> {
            Pid self = Troupe.self();
            Spawned receiver = Troupe.spawnMonitor(() -> {
                Troupe.coroutine(() -> {
                    while (true) { // waits (not on the mailbox) and wakes constantly
                        try {
                            Troupe.sleep(Duration.ofMillis(1));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                for (int i = 0; i < messages; i++) Troupe.receive(Integer.class); // a lost wake-up hangs here
                Troupe.send(self, "all received");
            });
            for (int i = 0; i < messages; i++) {
                Troupe.send(receiver.pid(), i);
                Troupe.receive(m -> false, Duration.ofMillis(3)); // the receiver parks before each message
            }
            Object outcome = Troupe.receive(m -> m instanceof String || m instanceof Down, Duration.ofSeconds(30));
            assertThat(outcome).isEqualTo("all received");
        });
    }
}
