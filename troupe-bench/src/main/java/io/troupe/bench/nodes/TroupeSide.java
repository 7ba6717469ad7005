package io.troupe.bench.nodes;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Node;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Troupe nodes: the receiving side is a handler process; the one-way sender is a threaded process
 * (it blocks when its window is full), the ping-pong sender a handler process (each echo triggers
 * the next ping, as Pekko's actor does). {@code -Dbench.io=VIRTUAL} selects virtual I/O threads.
 */
final class TroupeSide {
    /** Tells the receiver where to send acks or echoes. */
    public record Start(Pid from, boolean echo) {
    }

    /** The receiver has seen {@code count} messages. */
    public record Ack(long count) {
    }

    private TroupeSide() {
    }

    private static Node start(String name, Path discovery) throws Exception {
        return io.troupe.bench.BenchNodes.start(name, discovery, Start.class, Ack.class);
    }

    static void receiver(String name, Path discovery) throws Exception {
        Node node = start(name, discovery);
        Handler sink = new Handler() {
            private Pid from;
            private boolean echo;
            private long count;

            @Override
            public void handle(Object message) {
                if (message instanceof byte[]) {
                    if (echo) {
                        Troupe.send(from, message);
                    } else if (++count % Report.ACK_EVERY == 0) {
                        Troupe.send(from, new Ack(count));
                    }
                } else if (message instanceof Start(Pid sender, boolean echoes)) {
                    from = sender;
                    echo = echoes;
                    count = 0;
                    Troupe.send(from, Troupe.self());
                }
            }
        };
        node.runtime().register("sink", node.runtime().spawn(sink));
        System.out.println("ready " + node.node());
        System.out.flush();
        Thread.currentThread().join();
    }

    static void sender(String kase, String peer, long peerPid, double warmup, double measure, Path discovery) throws Exception {
        Node node = start("bench-send-" + ProcessHandle.current().pid(), discovery);
        Name sink = Name.of("sink", peer);
        byte[] payload = new byte[Report.PAYLOAD_BYTES];
        node.runtime().run(() -> {
            if (kase.equals("one-way")) oneWay(sink, payload, peerPid, warmup, measure);
            else {
                try {
                    pingPong(sink, payload, warmup, measure);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static void oneWay(Name sink, byte[] payload, long peerPid, double warmup, double measure) {
        Troupe.send(sink, new Start(Troupe.self(), false));
        Pid to = Troupe.receive(Pid.class);
        long sent = 0;
        long acked = 0;
        long begin = System.nanoTime();
        long measureFrom = begin + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measure * 1e9);
        long ackedAtStart = -1;
        long startNanos = 0;
        long selfCpu = 0;
        long peerCpu = 0;
        while (true) {
            while (sent - acked < Report.WINDOW) {
                Troupe.send(to, payload);
                sent++;
            }
            acked = Troupe.receive(Ack.class).count();
            long now = System.nanoTime();
            if (ackedAtStart < 0 && now >= measureFrom) {
                ackedAtStart = acked;
                startNanos = now;
                selfCpu = CpuClock.cpuNanos(CpuClock.self());
                peerCpu = CpuClock.cpuNanos(peerPid);
            } else if (ackedAtStart >= 0 && now >= measureTo) {
                long messages = acked - ackedAtStart;
                long peerUsed = peerPid > 0 ? CpuClock.cpuNanos(peerPid) - peerCpu : -1;
                Report.oneWay("troupe", messages, now - startNanos, CpuClock.cpuNanos(CpuClock.self()) - selfCpu, peerUsed);
                return;
            }
        }
    }

    /** The pinger is a handler process, as Pekko's is an actor: each echo triggers the next ping. */
    private static void pingPong(Name sink, byte[] payload, double warmup, double measure) throws Exception {
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measure * 1e9);
        Histogram rtt = new Histogram(3_600_000_000L, 3);
        CompletableFuture<Long> done = new CompletableFuture<>();
        Troupe.spawn(new Handler() {
            private Pid to;
            private long sentAt;
            private long roundTrips;

            @Override
            public void init() {
                Troupe.send(sink, new Start(Troupe.self(), true));
            }

            @Override
            public void handle(Object message) {
                if (message instanceof Pid echo) {
                    to = echo;
                    sentAt = System.nanoTime();
                    Troupe.send(to, payload);
                    return;
                }
                long now = System.nanoTime();
                if (now >= measureFrom) {
                    rtt.recordValue(now - sentAt);
                    roundTrips++;
                    if (now >= measureTo) {
                        done.complete(roundTrips);
                        Troupe.exit(ExitReason.NORMAL);
                    }
                }
                sentAt = System.nanoTime();
                Troupe.send(to, payload);
            }
        });
        long roundTrips = done.get((long) (warmup + measure + 60), TimeUnit.SECONDS);
        Report.pingPong("troupe", rtt.getValueAtPercentile(50), rtt.getValueAtPercentile(99), roundTrips, measureTo - measureFrom);
    }
}
