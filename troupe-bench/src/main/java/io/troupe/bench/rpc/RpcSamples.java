package io.troupe.bench.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The workload constants every implementation agrees on, CPU clocks and the SAMPLE lines bench/run collects. */
final class RpcSamples {
    static final int PAYLOAD_BYTES = 100;
    /** Outstanding calls in unary-64, callers in plus-100. */
    static final int UNARY_OUTSTANDING = 64;
    static final int PLUS_CALLERS = 100;
    /** One-way: at most WINDOW messages not yet acknowledged; the receiver acks every ACK_EVERY. */
    static final int WINDOW = 50_000;
    static final int ACK_EVERY = 10_000;
    /** The deadline of every call (Troupe's timeout, grpc's withDeadlineAfter). */
    static final long CALL_TIMEOUT_MS = 5_000;

    private RpcSamples() {
    }

    static void sample(String impl, String kase, String metric, double value) {
        System.out.printf(Locale.ROOT, "SAMPLE impl=%s case=%s metric=%s value=%.3f%n", impl, kase, metric, value);
        System.out.flush();
    }

    /** CPU time (user + system) of a process from /proc/PID/stat, in ns (10 ms ticks), or -1. */
    static long cpuNanos(long pid) {
        if (pid <= 0) return -1;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long selfPid() {
        return ProcessHandle.current().pid();
    }

    /**
     * Measures a closed-loop throughput: waits out the warm-up, then counts what {@code done}
     * advances by over the measured window, with both processes' CPU time; prints the samples.
     */
    static void throughput(String impl, String kase, String unit, LongSupplier done, long serverPid,
                           double warmup, double measure) throws InterruptedException {
        Thread.sleep((long) (warmup * 1000));
        long count0 = done.getAsLong();
        long self0 = cpuNanos(selfPid());
        long peer0 = cpuNanos(serverPid);
        long t0 = System.nanoTime();
        Thread.sleep((long) (measure * 1000));
        long count1 = done.getAsLong();
        long t1 = System.nanoTime();
        long self1 = cpuNanos(selfPid());
        long peer1 = cpuNanos(serverPid);
        rate(impl, kase, unit, count1 - count0, t1 - t0, self1 - self0, peer0 < 0 ? -1 : peer1 - peer0);
    }

    /** Rate and CPU µs per operation on the client and on the server. */
    static void rate(String impl, String kase, String unit, long count, long nanos, long clientCpu, long serverCpu) {
        if (count <= 0) throw new IllegalStateException("no " + unit + " completed in the measured window");
        sample(impl, kase, unit + "_per_s", count * 1e9 / nanos);
        sample(impl, kase, "client_cpu_us_per_" + unit, clientCpu / 1e3 / count);
        if (serverCpu >= 0) sample(impl, kase, "server_cpu_us_per_" + unit, serverCpu / 1e3 / count);
    }

    static LongSupplier sum(LongAdder adder) {
        return adder::sum;
    }
}
