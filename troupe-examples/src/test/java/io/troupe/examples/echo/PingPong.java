package io.troupe.examples.echo;

import io.troupe.Cancel;
import io.troupe.Pid;
import io.troupe.TopicMessage;
import io.troupe.Troupe;
import io.troupe.app.AppContext;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wippy's {@code examples/03-ping-pong} as two process entries (WP-6). The ponger registers as
 * {@code ponger} and answers each {@code ping} to its sender; the pinger polls for the ponger
 * every 100 ms, then plays {@code rounds} rounds: {@code ping n}, wait for {@code pong} (3 s), wait
 * {@code period}. Each round is recorded in {@link #ROUNDS} for the test.
 */
public final class PingPong {
    /** What the pinger saw in one round; {@code pong} is -1 on a timeout. */
    record Round(int ping, int pong, long nanos) {
    }

    static final Queue<Round> ROUNDS = new ConcurrentLinkedQueue<>();

    private PingPong() {
    }

    public static int ponger() {
        Troupe.register("ponger");
        while (true) {
            switch (Troupe.receive()) {
                case TopicMessage(String topic, Pid from, Object round) when topic.equals("ping") -> Troupe.send(from, "pong", round);
                case Cancel stop -> {
                    return 0;
                }
                default -> { }
            }
        }
    }

    public static int pinger(AppContext ctx) throws InterruptedException {
        int rounds = Integer.parseInt(ctx.config("rounds", "3"));
        Duration period = ctx.configDuration("period", Duration.ofSeconds(1));
        Pid ponger = null;
        for (int poll = 0; poll < 100 && ponger == null; poll++) { // at most 10 s
            ponger = Troupe.whereis("ponger").orElse(null);
            if (ponger == null) Troupe.sleep(Duration.ofMillis(100));
        }
        if (ponger == null) return 1;
        for (int round = 1; round <= rounds; round++) {
            Troupe.send(ponger, "ping", round);
            Object pong = Troupe.receive(m -> m instanceof TopicMessage t && t.topic().equals("pong"), Duration.ofSeconds(3));
            ROUNDS.add(new Round(round, pong instanceof TopicMessage t ? (Integer) t.payload() : -1, System.nanoTime()));
            if (round < rounds) Troupe.sleep(period);
        }
        return 0;
    }
}
