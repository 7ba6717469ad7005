package io.troupe.bench;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spawns N processes that wait for a message; measures the time until all are alive, the heap per
 * process after GC, the time until all have answered one ping, and the time to kill them all.
 */
final class TroupeSpawn {
    private TroupeSpawn() {
    }

    /** The shared body of every idle handler process: counts itself alive, then answers pings. */
    static final class Idle implements Handler {
        private final AtomicInteger alive;

        Idle(AtomicInteger alive) {
            this.alive = alive;
        }

        @Override
        public void init() {
            alive.incrementAndGet();
        }

        @Override
        public void handle(Object message) {
            Troupe.send(((TroupeWorkloads.Ping) message).from(), TroupeWorkloads.Signal.PONG);
        }
    }

    /** A warm-up round of {@code warmup} processes (none if 0) in its own runtime, then the measured round. */
    static void run(boolean threaded, int n, int warmup, Samples out) throws Exception {
        if (warmup > 0) {
            try (TroupeRuntime runtime = TroupeWorkloads.startRuntime()) {
                round(runtime, threaded, Math.min(n, warmup), null);
            }
        }
        try (TroupeRuntime runtime = TroupeWorkloads.startRuntime()) {
            round(runtime, threaded, n, out);
        }
    }

    private static void round(TroupeRuntime runtime, boolean threaded, int n, Samples out) throws Exception {
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        Handler idle = new Idle(alive);
        Runnable body = () -> {
            alive.incrementAndGet();
            try {
                while (true) {
                    if (Troupe.receive() instanceof TroupeWorkloads.Ping ping) {
                        Troupe.send(ping.from(), TroupeWorkloads.Signal.PONG);
                    }
                }
            } finally {
                ended.incrementAndGet();
            }
        };
        Pid[] pids = new Pid[n];
        long heapBefore = Measure.heapUsedAfterGc(3);

        long t0 = System.nanoTime();
        if (threaded) {
            for (int i = 0; i < n; i++) pids[i] = runtime.spawn(body);
        } else {
            for (int i = 0; i < n; i++) pids[i] = runtime.spawn(idle);
        }
        Measure.awaitCondition("all processes alive", () -> alive.get() >= n);
        long t1 = System.nanoTime();

        long heapAfter = out == null ? 0 : Measure.heapUsedAfterGc(1);

        Duration timeout = Duration.ofSeconds(Sizes.ITERATION_TIMEOUT_S);
        long t2 = System.nanoTime();
        runtime.run(() -> {
            TroupeWorkloads.Ping ping = new TroupeWorkloads.Ping(Troupe.self());
            for (Pid pid : pids) Troupe.send(pid, ping);
            for (int i = 0; i < n; i++) {
                if (Troupe.receive(timeout) == null) throw new IllegalStateException("missing replies: " + (n - i));
            }
        });
        long t3 = System.nanoTime();

        for (Pid pid : pids) runtime.exit(pid, ExitReason.KILL);
        Measure.awaitCondition("all processes gone",
                () -> runtime.processCount() == 0 && (!threaded || ended.get() >= n));
        long t4 = System.nanoTime();

        if (out != null) {
            out.print("seconds", Measure.seconds(t0, t1));
            out.print("bytes_per_process", (double) (heapAfter - heapBefore) / n);
            out.print("reply_seconds", Measure.seconds(t2, t3));
            out.print("teardown_seconds", Measure.seconds(t3, t4));
        }
    }
}
