package io.troupe.supervision;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.RuntimeOptions;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A fresh runtime per test and a few well-behaved children. Tests synchronise with Awaitility, never with sleeps. */
abstract class SupervisionTestSupport {
    /** Generous bound for things that should happen "soon"; only reached when a test fails. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    TroupeRuntime runtime;
    final Queue<String> trace = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startRuntime() {
        runtime = TroupeRuntime.start(RuntimeOptions.defaults().withShutdownTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    /** Runs {@code block} as a root process on the test thread and returns its result. */
    <T> T call(Callable<T> block) {
        try {
            return runtime.call(block);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A worker body: waits for messages; {@code "stop"} returns normally, {@code "crash"} throws.
     */
    static Runnable idleWorker() {
        return () -> {
            while (true) {
                Object message = Troupe.receive();
                if ("stop".equals(message)) return;
                if ("crash".equals(message)) throw new IllegalStateException("crash requested");
            }
        };
    }

    /**
     * A handler that records {@code start:id} in init, traps exits, and on an exit signal records
     * {@code stop:id} and exits with {@code SHUTDOWN}.
     */
    Handler tracingHandler(String id) {
        return new Handler() {
            @Override
            public void init() {
                Troupe.trapExit(true);
                trace.add("start:" + id);
            }

            @Override
            public void handle(Object message) {
                if (message instanceof Exit) {
                    trace.add("stop:" + id);
                    Troupe.exit(ExitReason.SHUTDOWN);
                }
            }
        };
    }

    static Pid pidOf(Supervisor supervisor, String id) {
        return supervisor.whichChildren().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(ChildInfo::pid).orElse(null);
    }

    static List<Pid> pids(Supervisor supervisor) {
        return supervisor.whichChildren().stream().map(ChildInfo::pid).toList();
    }

    /** Waits until child {@code id} runs with a pid other than {@code old}, and returns it. */
    static Pid awaitReplaced(Supervisor supervisor, String id, Pid old) {
        await().atMost(PATIENCE).until(() -> {
            Pid now = pidOf(supervisor, id);
            return now != null && !now.equals(old);
        });
        return pidOf(supervisor, id);
    }

    void awaitDead(Pid pid) {
        await().atMost(PATIENCE).until(() -> !runtime.isAlive(pid));
    }

    void awaitProcessCount(int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(runtime.processCount()).isEqualTo(count));
    }
}
