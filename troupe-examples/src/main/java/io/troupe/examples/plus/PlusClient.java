package io.troupe.examples.plus;

import io.troupe.TroupeRuntime;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.RpcException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seed 002's PlusClient: {@code callers} processes, each calling {@code PlusServer.Plus(1, 2)} in a
 * loop; it prints the calls completed each second.
 * <pre>
 * java ... io.troupe.examples.plus.PlusClient [server-node] [callers] [seconds]   (plus-server 100 10)
 * </pre>
 */
public final class PlusClient {
    private PlusClient() {
    }

    /** What a run did: answers equal to 3, and the first error if a caller stopped on one. */
    public record Outcome(long calls, long seconds, RpcException firstError) {
        public double callsPerSecond() {
            return seconds == 0 ? 0 : (double) calls / seconds;
        }
    }

    /**
     * Runs {@code callers} looping processes in {@code runtime} for {@code seconds}, printing calls/s
     * to {@code out} each second. A caller stops at its first error (a wrong answer is an error too).
     */
    public static Outcome run(TroupeRuntime runtime, int callers, int seconds, PrintStream out) throws InterruptedException {
        // tag::callers[]
        LongAdder calls = new LongAdder();
        AtomicReference<RpcException> firstError = new AtomicReference<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch finished = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            runtime.spawn(() -> {
                try {
                    Rpc rpc = Rpc.current();
                    while (System.nanoTime() - end < 0) {
                        Object sum = rpc.call("PlusServer", "Plus", List.of(1, 2), Duration.ofSeconds(5));
                        if (!Integer.valueOf(3).equals(sum)) throw new IllegalStateException("Plus(1, 2) returned " + sum);
                        calls.increment();
                    }
                } catch (RpcException e) {
                    firstError.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            });
        }
        // end::callers[]
        AtomicLong previous = new AtomicLong();
        for (int s = 0; s < seconds && !finished.await(1, TimeUnit.SECONDS); s++) {
            long total = calls.sum();
            out.printf("%,d calls/s%n", total - previous.getAndSet(total));
        }
        if (!finished.await(10, TimeUnit.SECONDS)) out.println("some callers did not finish");
        return new Outcome(calls.sum(), seconds, firstError.get());
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "plus-server";
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (Node node = Node.start(NodeOptions.named("plus-client-" + ProcessHandle.current().pid()))) {
            String serverNode = server.contains("@") ? server : server + node.node().substring(node.node().indexOf('@'));
            if (!node.ping(serverNode)) {
                System.err.println("cannot reach " + serverNode + " (start PlusServer first)");
                System.exit(2);
            }
            Rpc rpc = Rpc.of(node);
            for (int i = 0; i < 500 && rpc.lookup("PlusServer").isEmpty(); i++) Thread.sleep(10);
            Outcome outcome = run(node.runtime(), callers, seconds, System.out);
            System.out.printf("%,d calls in %d s: %,.0f calls/s with %d callers%n", outcome.calls(), seconds, outcome.callsPerSecond(), callers);
            if (outcome.firstError() != null) {
                System.out.println("error: " + outcome.firstError().getMessage());
                System.exit(1);
            }
        }
    }
}
