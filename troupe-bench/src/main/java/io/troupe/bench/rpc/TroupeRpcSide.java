package io.troupe.bench.rpc;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.examples.plus.PlusServer;
import io.troupe.node.Node;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceSpec;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Troupe RPC, server and client nodes in two JVMs. The server registers {@code Echo.echo} (returns
 * its 100 B argument), {@code PlusServer.Plus} (the example's own registration) and {@code Sink},
 * whose takers count the one-way messages and ack every {@link RpcSamples#ACK_EVERY}. Callers are
 * threaded processes looping {@code rpc.call} with the normal per-call timeout (a deadline, a
 * correlation id, cancellation on timeout: the path every call takes).
 */
final class TroupeRpcSide {
    /** One-way: where the takers send their acks (first message in the Sink's queue). */
    public record Start(Pid ackTo) {
    }

    /** The takers have taken {@code count} messages since the Start. */
    public record Ack(long count) {
    }

    private static final Duration TIMEOUT = Duration.ofMillis(RpcSamples.CALL_TIMEOUT_MS);

    private TroupeRpcSide() {
    }

    private static Node start(String name, Path discovery) throws Exception {
        return io.troupe.bench.BenchNodes.start(name, discovery, Start.class, Ack.class);
    }

    static void server(String name, Path discovery) throws Exception {
        Node node = start(name, discovery);
        Rpc rpc = Rpc.of(node);
        rpc.serve(ServiceSpec.named("Echo").function("echo", args -> args.get(0)));
        PlusServer.serve(rpc);
        Service sink = rpc.serve(ServiceSpec.named("Sink").withMessageCapacity(4 * RpcSamples.WINDOW));
        int takers = Integer.getInteger("bench.takers", 1);
        AtomicLong taken = new AtomicLong();
        AtomicReference<Pid> ackTo = new AtomicReference<>();
        for (int i = 0; i < takers; i++) {
            node.runtime().spawn(() -> {
                while (true) {
                    Object message = sink.messages().receive();
                    if (message instanceof byte[]) {
                        long n = taken.incrementAndGet();
                        if (n % RpcSamples.ACK_EVERY == 0) Troupe.send(ackTo.get(), new Ack(n));
                    } else if (message instanceof Start(Pid to)) {
                        taken.set(0);
                        ackTo.set(to);
                    }
                }
            });
        }
        System.out.println("ready " + node.node());
        System.out.flush();
        Thread.currentThread().join();
    }

    static void client(String kase, String server, long serverPid, double warmup, double measure, Path discovery) throws Exception {
        Node node = start("rpc-client-" + RpcSamples.selfPid(), discovery);
        if (!node.ping(server)) throw new IllegalStateException("cannot reach " + server);
        Rpc rpc = Rpc.of(node);
        for (int i = 0; i < 1000 && (rpc.lookup("Echo").isEmpty() || rpc.lookup("PlusServer").isEmpty()
                || rpc.lookup("Sink").isEmpty()); i++) {
            Thread.sleep(10);
        }
        switch (kase) {
            case "unary-64" -> callers(node, rpc, kase, RpcSamples.UNARY_OUTSTANDING, false, serverPid, warmup, measure);
            case "plus-100" -> callers(node, rpc, kase, RpcSamples.PLUS_CALLERS, true, serverPid, warmup, measure);
            case "sequential" -> sequential(node, rpc, serverPid, warmup, measure);
            case "oneway" -> oneway(node, rpc, serverPid, warmup, measure);
            default -> throw new IllegalArgumentException("unknown case " + kase);
        }
    }

    /** {@code n} threaded processes, each calling in a loop until the run ends. */
    private static void callers(Node node, Rpc rpc, String kase, int n, boolean plus, long serverPid,
                                double warmup, double measure) throws Exception {
        LongAdder calls = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long end = System.nanoTime() + (long) ((warmup + measure + 1) * 1e9);
        CountDownLatch finished = new CountDownLatch(n);
        List<Object> plusArgs = List.of(1, 2);
        for (int i = 0; i < n; i++) {
            node.runtime().spawn(() -> {
                try {
                    List<Object> echoArgs = List.of(new byte[RpcSamples.PAYLOAD_BYTES]);
                    while (System.nanoTime() - end < 0 && failure.get() == null) {
                        if (plus) {
                            Object sum = rpc.call("PlusServer", "Plus", plusArgs, TIMEOUT);
                            if (!Integer.valueOf(3).equals(sum)) throw new IllegalStateException("Plus(1, 2) returned " + sum);
                        } else {
                            Object echo = rpc.call("Echo", "echo", echoArgs, TIMEOUT);
                            if (!(echo instanceof byte[] b) || b.length != RpcSamples.PAYLOAD_BYTES) {
                                throw new IllegalStateException("echo returned " + echo);
                            }
                        }
                        calls.increment();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            });
        }
        RpcSamples.throughput("troupe", kase, "call", calls::sum, serverPid, warmup, measure);
        if (failure.get() != null) throw new IllegalStateException("a caller failed", failure.get());
        finished.await(30, TimeUnit.SECONDS);
    }

    private static void sequential(Node node, Rpc rpc, long serverPid, double warmup, double measure) throws Exception {
        Histogram rtt = new Histogram(3_600_000_000L, 3);
        long[] result = new long[3];
        node.runtime().run(() -> {
            List<Object> args = List.of(new byte[RpcSamples.PAYLOAD_BYTES]);
            long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
            long measureTo = measureFrom + (long) (measure * 1e9);
            long cpu0 = 0;
            long peer0 = 0;
            boolean measuring = false;
            long calls = 0;
            while (true) {
                long t0 = System.nanoTime();
                Object echo = rpc.call("Echo", "echo", args, TIMEOUT);
                long t1 = System.nanoTime();
                if (!(echo instanceof byte[] b) || b.length != RpcSamples.PAYLOAD_BYTES) throw new IllegalStateException("echo returned " + echo);
                if (!measuring) {
                    if (t1 >= measureFrom) {
                        measuring = true;
                        cpu0 = RpcSamples.cpuNanos(RpcSamples.selfPid());
                        peer0 = RpcSamples.cpuNanos(serverPid);
                        measureFrom = t1;
                    }
                    continue;
                }
                rtt.recordValue(t1 - t0);
                calls++;
                if (t1 >= measureTo) {
                    result[0] = calls;
                    result[1] = RpcSamples.cpuNanos(RpcSamples.selfPid()) - cpu0;
                    result[2] = peer0 < 0 ? -1 : RpcSamples.cpuNanos(serverPid) - peer0;
                    RpcSamples.rate("troupe", "sequential", "call", calls, t1 - measureFrom, result[1], result[2]);
                    break;
                }
            }
        });
        RpcSamples.sample("troupe", "sequential", "p50_us", rtt.getValueAtPercentile(50) / 1e3);
        RpcSamples.sample("troupe", "sequential", "p99_us", rtt.getValueAtPercentile(99) / 1e3);
    }

    /** A threaded process sends by name with at most WINDOW unacknowledged messages. */
    private static void oneway(Node node, Rpc rpc, long serverPid, double warmup, double measure) throws Exception {
        byte[] payload = new byte[RpcSamples.PAYLOAD_BYTES];
        node.runtime().run(() -> {
            rpc.send("Sink", new Start(Troupe.self()));
            long sent = 0;
            long acked = 0;
            long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
            long measureTo = measureFrom + (long) (measure * 1e9);
            long ackedAtStart = -1;
            long startNanos = 0;
            long selfCpu = 0;
            long peerCpu = 0;
            while (true) {
                while (sent - acked < RpcSamples.WINDOW) {
                    rpc.send("Sink", payload);
                    sent++;
                }
                Object ack = Troupe.receive(Duration.ofSeconds(30));
                if (!(ack instanceof Ack(long count))) throw new IllegalStateException("no ack in 30 s (got " + ack + ")");
                acked = count;
                long now = System.nanoTime();
                if (ackedAtStart < 0 && now >= measureFrom) {
                    ackedAtStart = acked;
                    startNanos = now;
                    selfCpu = RpcSamples.cpuNanos(RpcSamples.selfPid());
                    peerCpu = RpcSamples.cpuNanos(serverPid);
                } else if (ackedAtStart >= 0 && now >= measureTo) {
                    long peerUsed = peerCpu < 0 ? -1 : RpcSamples.cpuNanos(serverPid) - peerCpu;
                    RpcSamples.rate("troupe", "oneway", "msg", acked - ackedAtStart, now - startNanos,
                            RpcSamples.cpuNanos(RpcSamples.selfPid()) - selfCpu, peerUsed);
                    return;
                }
            }
        });
    }
}
