package io.troupe.bench.nodes;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Apache Pekko classic actors over Artery TCP (the configuration of performance-anchors §5.4):
 * byte[] payloads (ByteArraySerializer), acks as Longs, Java serialization off.
 */
final class PekkoSide {
    private PekkoSide() {
    }

    static Config config(int port) {
        return ConfigFactory.parseString("""
                pekko.actor.provider = remote
                pekko.remote.artery.transport = tcp
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = %d
                pekko.remote.artery.advanced.outbound-message-queue-size = 200000
                pekko.actor.allow-java-serialization = off
                pekko.actor.default-dispatcher.fork-join-executor.parallelism-min = 2
                pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = 2
                pekko.actor.default-dispatcher.throughput = 50
                pekko.loglevel = WARNING
                pekko.log-dead-letters = off
                """.formatted(port)).withFallback(ConfigFactory.load());
    }

    /** Counts payloads and acks every ACK_EVERY, or echoes them. */
    static final class Sink extends AbstractActor {
        private ActorRef from;
        private boolean echo;
        private long count;

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(byte[].class, payload -> {
                        if (echo) from.tell(payload, self());
                        else if (++count % Report.ACK_EVERY == 0) from.tell(count, self());
                    })
                    .match(String.class, mode -> {
                        from = sender();
                        echo = mode.equals("ping-pong");
                        count = 0;
                        from.tell("ready", self());
                    })
                    .build();
        }
    }

    static void receiver(int port) throws Exception {
        ActorSystem system = ActorSystem.create("bench", config(port));
        system.actorOf(Props.create(Sink.class, Sink::new), "sink");
        System.out.println("ready pekko://bench@127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Receives acks for the sending thread (one-way). */
    static final class Acks extends AbstractActor {
        private final AtomicLong acked;
        private final Thread sender;
        private final CompletableFuture<Void> ready;

        Acks(AtomicLong acked, Thread sender, CompletableFuture<Void> ready) {
            this.acked = acked;
            this.sender = sender;
            this.ready = ready;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(Long.class, count -> {
                        acked.set(count);
                        LockSupport.unpark(sender);
                    })
                    .match(String.class, text -> ready.complete(null))
                    .build();
        }
    }

    /** Sends a payload, waits for the echo, records the round trip, repeats (ping-pong). */
    static final class Pinger extends AbstractActor {
        private final ActorRef sink;
        private final byte[] payload;
        private final long measureFrom;
        private final long measureTo;
        private final Histogram rtt = new Histogram(3_600_000_000L, 3);
        private final CompletableFuture<Histogram> done;
        private long sentAt;
        private long roundTrips;

        Pinger(ActorRef sink, byte[] payload, long measureFrom, long measureTo, CompletableFuture<Histogram> done) {
            this.sink = sink;
            this.payload = payload;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.done = done;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(String.class, text -> next())
                    .match(byte[].class, echoed -> {
                        long now = System.nanoTime();
                        if (now >= measureFrom) {
                            rtt.recordValue(now - sentAt);
                            roundTrips++;
                            if (now >= measureTo) {
                                rtt.setTag(Long.toString(roundTrips));
                                done.complete(rtt);
                                return;
                            }
                        }
                        next();
                    })
                    .build();
        }

        private void next() {
            sentAt = System.nanoTime();
            sink.tell(payload, self());
        }
    }

    static void sender(String kase, int port, long peerPid, double warmup, double measure) throws Exception {
        ActorSystem system = ActorSystem.create("client", config(0));
        ActorRef sink = system.actorSelection("pekko://bench@127.0.0.1:" + port + "/user/sink")
                .resolveOne(Duration.ofSeconds(20)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        byte[] payload = new byte[Report.PAYLOAD_BYTES];
        if (kase.equals("ping-pong")) {
            long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
            long measureTo = measureFrom + (long) (measure * 1e9);
            CompletableFuture<Histogram> done = new CompletableFuture<>();
            ActorRef pinger = system.actorOf(Props.create(Pinger.class, () -> new Pinger(sink, payload, measureFrom, measureTo, done)));
            sink.tell("ping-pong", pinger);
            Histogram rtt = done.get((long) (warmup + measure + 60), TimeUnit.SECONDS);
            Report.pingPong("pekko", rtt.getValueAtPercentile(50), rtt.getValueAtPercentile(99),
                    Long.parseLong(rtt.getTag()), measureTo - measureFrom);
            return;
        }
        AtomicLong acked = new AtomicLong();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread self = Thread.currentThread();
        ActorRef acks = system.actorOf(Props.create(Acks.class, () -> new Acks(acked, self, ready)));
        sink.tell("one-way", acks);
        ready.get(30, TimeUnit.SECONDS);
        long sent = 0;
        long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (measure * 1e9);
        long ackedAtStart = -1;
        long startNanos = 0;
        long selfCpu = 0;
        long peerCpu = 0;
        long lastAck = 0;
        while (true) {
            long seen = acked.get();
            while (sent - seen < Report.WINDOW) {
                sink.tell(payload, acks);
                sent++;
            }
            while ((seen = acked.get()) == lastAck) LockSupport.parkNanos(1_000_000);
            lastAck = seen;
            long now = System.nanoTime();
            if (ackedAtStart < 0 && now >= measureFrom) {
                ackedAtStart = seen;
                startNanos = now;
                selfCpu = CpuClock.cpuNanos(CpuClock.self());
                peerCpu = CpuClock.cpuNanos(peerPid);
            } else if (ackedAtStart >= 0 && now >= measureTo) {
                long messages = seen - ackedAtStart;
                long peerUsed = peerPid > 0 ? CpuClock.cpuNanos(peerPid) - peerCpu : -1;
                Report.oneWay("pekko", messages, now - startNanos, CpuClock.cpuNanos(CpuClock.self()) - selfCpu, peerUsed);
                return;
            }
        }
    }
}
