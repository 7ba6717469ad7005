package io.troupe.bench.broadcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One target, one client count: start the server, read its idle memory before and after N
 * receivers join the room, ramp the broadcast rate until the server stops keeping up, then
 * measure latency and CPU at half the highest sustained rate, and latency at a fixed 20,000
 * deliveries/s (the same load for every server). Prints SAMPLE lines.
 */
final class BroadcastRun {
    /** The common offered load of the like-for-like latency point, deliveries per second. */
    static final double FIXED_RATE = 20_000;

    /** Exit status when the target cannot be started yet (the troupe launcher hook is empty). */
    static final int SKIPPED = 3;

    private final Options o;
    private final LoadStats stats = new LoadStats();
    private final long self = ProcessHandle.current().pid();

    BroadcastRun(Options o) {
        this.o = o;
    }

    int run() throws Exception {
        LaunchContext ctx = new LaunchContext(o.nodeDir(), o.java(), o.jvmFlags(), o.lib(), freePort());
        Optional<ServerCommand> command = o.target().command(ctx, o.troupeMain());
        if (command.isEmpty()) {
            System.out.printf("SKIP impl=%s case=%s reason=no-server-launcher (fill in %s.MAIN_CLASS)%n",
                    o.target().id, o.kase(), TroupeLauncher.class.getName());
            return SKIPPED;
        }
        info("load %s; starting %s", loadAverage(), String.join(" ", command.get().argv()));
        var log = o.work().resolve(o.target().id + "-" + o.kase() + "-" + self + ".server.log");
        List<InetAddress> sources = sources(o.sourceCount());
        try (ServerProcess server = ServerProcess.start(command.get(), o.serverPrefix(), log, 90_000);
             LoadClient receivers = new LoadClient(o.target().protocol, command.get().port(), o.threads(), sources);
             LoadClient senders = new LoadClient(o.target().protocol, command.get().port(), 1, sources.subList(0, 1))) {
            info("server up: pids %s, log %s", server.pids(), log);
            long rssBefore = settledRss(server);
            LoadClient.Joined joined = receivers.connect(o.clients(), 0, true, stats, 64, 60_000 + 20L * o.clients());
            if (joined.failed() > 0) {
                throw new IllegalStateException(joined.failed() + " of " + o.clients() + " receivers did not join; first: "
                        + joined.firstFailure());
            }
            double joinsPerS = o.clients() * 1e9 / joined.nanos();
            long rssAfter = settledRss(server);
            double kbPerConn = (rssAfter - rssBefore) / 1024.0 / o.clients();
            info("%d receivers joined in %.1f s (%.0f/s); server RSS %.1f MB -> %.1f MB = %.2f KB per idle connection",
                    o.clients(), joined.nanos() / 1e9, joinsPerS, rssBefore / 1e6, rssAfter / 1e6, kbPerConn);

            LoadClient.Joined sending = senders.connect(1, o.clients(), false, new LoadStats(), 1, 30_000);
            if (sending.sessions().isEmpty()) throw new IllegalStateException("sender did not connect: " + sending.firstFailure());
            try (Sender sender = new Sender(sending.sessions().get(0))) {
                Step best = ramp(sender, server);
                if (best.deliveredPerS() <= 0) throw new IllegalStateException("no broadcast was delivered; see " + log);
                drain(sender);
                Step half = step(sender, server, best.deliveredPerS() / 2, 2 * o.measureMillis());
                info("half load: %s", half);
                drain(sender);
                // the same offered load for every server, below each one's maximum: latency like for like
                Step fixed = step(sender, server, FIXED_RATE, 2 * o.measureMillis());
                info("fixed %d/s: %s", (long) FIXED_RATE, fixed);
                sample("p50_ms_fixed_20k", fixed.p50Millis());
                sample("p99_ms_fixed_20k", fixed.p99Millis());
                sample("deliveries_per_s", best.deliveredPerS());
                sample("p50_ms", half.p50Millis());
                sample("p99_ms", half.p99Millis());
                sample("cpu_us_per_delivery", half.cpuMicrosPerDelivery());
                sample("kb_per_idle_conn", kbPerConn);
                sample("joins_per_s", joinsPerS);
                sender.rate(0);
            }
            info("load %s; done", loadAverage());
        }
        return 0;
    }

    /**
     * After a warm-up window at half the start rate, raises the rate by {@code factor} per step
     * until a step is not sustained (if the first one is not, starts lower, twice at most), then
     * bisects between the last sustained and the failed rate; returns the best sustained step.
     */
    private Step ramp(Sender sender, ServerProcess server) {
        Step warm = step(sender, server, o.startRate() / 2, Math.max(3000, 2 * o.measureMillis()));
        info("warm-up (not judged): %s", warm);
        Step best = null;
        Step first = null;
        double failedAt = -1;
        double rate = o.startRate();
        int retreats = 0;
        List<Step> all = new ArrayList<>();
        for (int i = 0; i < o.maxSteps(); i++) {
            Step s = step(sender, server, rate, o.measureMillis());
            info("step %d: %s", i + 1, s);
            all.add(s);
            if (first == null) first = s;
            if (s.sustained()) {
                best = s;
                rate *= o.factor();
            } else if (best == null && retreats++ < 2) {
                drain(sender); // the first rate was already too high: start lower
                rate /= o.factor() * o.factor();
            } else {
                failedAt = rate;
                if (s.clientCores() >= 0.85) {
                    info("WARNING: the load client used %.2f cores in the failed step: it may be the bottleneck", s.clientCores());
                }
                break;
            }
        }
        for (int b = 0; b < o.bisections() && best != null && failedAt > 0; b++) {
            drain(sender);
            double mid = Math.sqrt(best.targetPerS() * failedAt);
            Step s = step(sender, server, mid, o.measureMillis());
            info("bisection %d: %s", b + 1, s);
            all.add(s);
            if (s.sustained()) best = s;
            else failedAt = mid;
        }
        if (failedAt < 0 && best != null) info("WARNING: the ramp ended while still sustained (max-steps); the maximum is a lower bound");
        if (best == null) {
            info("WARNING: no step was sustained; reporting the highest delivered rate of any step");
            best = first;
            for (Step s : all) if (s.deliveredPerS() > best.deliveredPerS()) best = s;
        }
        info("max sustained: %.0f deliveries/s", best.deliveredPerS());
        return best;
    }

    /** Offers {@code deliveriesPerS}, warms up, then measures one window of {@code measureMillis}. */
    private Step step(Sender sender, ServerProcess server, double deliveriesPerS, long measureMillis) {
        int live = stats.joined.get() - stats.closedAfterJoin.get();
        double requestsPerS = deliveriesPerS / live;
        sender.rate(requestsPerS);
        Deadlines.pause(o.warmupMillis());
        List<Long> pids = server.pids();
        stats.latencySinceLastCall();
        long d0 = stats.delivered.sum(), s0 = sender.sent(), lost0 = stats.closedAfterJoin.get();
        long c0 = ProcStats.cpuNanos(pids), self0 = ProcStats.cpuNanos(self), t0 = System.nanoTime();
        Deadlines.pause(measureMillis);
        long d1 = stats.delivered.sum(), s1 = sender.sent(), lost1 = stats.closedAfterJoin.get();
        long c1 = ProcStats.cpuNanos(pids), self1 = ProcStats.cpuNanos(self), t1 = System.nanoTime();
        Histogram h = stats.latencySinceLastCall();
        double seconds = (t1 - t0) / 1e9;
        long deliveries = d1 - d0;
        double offered = (s1 - s0) * (double) live / seconds;
        double delivered = deliveries / seconds;
        double p50 = h.getTotalCount() > 0 ? h.getValueAtPercentile(50) / 1e3 : Double.NaN;
        double p99 = h.getTotalCount() > 0 ? h.getValueAtPercentile(99) / 1e3 : Double.NaN;
        int lost = (int) (lost1 - lost0);
        boolean keptUp = offered - delivered <= Math.max(0.05 * offered, live / seconds);
        boolean sentAll = s1 - s0 >= 0.9 * requestsPerS * seconds - 1;
        boolean sustained = lost == 0 && deliveries > 0 && keptUp && sentAll && p99 <= o.maxP99Millis();
        return new Step(deliveriesPerS, offered, delivered, p50, p99,
                deliveries > 0 ? (c1 - c0) / 1e3 / deliveries : Double.NaN,
                (c1 - c0) / 1e9 / seconds, (self1 - self0) / 1e9 / seconds, lost, sustained);
    }

    /** Stops sending and waits (at most 30 s) until deliveries have stopped arriving for a second. */
    private void drain(Sender sender) {
        sender.rate(0);
        long[] last = {stats.delivered.sum(), System.nanoTime()};
        boolean quiet = Deadlines.await(() -> {
            long now = stats.delivered.sum();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > 1_000_000_000L;
        }, 100, 30_000);
        if (!quiet) info("WARNING: deliveries still arriving after 30 s of drain");
    }

    /** The server's RSS once it has been stable (within 1 %) for half a second, after the settle time. */
    private long settledRss(ServerProcess server) {
        Deadlines.pause(o.settleMillis());
        long[] prev = {ProcStats.rssBytes(server.pids())};
        long[] now = {prev[0]};
        Deadlines.await(() -> {
            now[0] = ProcStats.rssBytes(server.pids());
            boolean stable = Math.abs(now[0] - prev[0]) <= prev[0] / 100;
            prev[0] = now[0];
            return stable;
        }, 500, 5_000);
        return now[0];
    }

    private void sample(String metric, double value) {
        System.out.printf(Locale.ROOT, "SAMPLE impl=%s case=%s metric=%s value=%.3f%n", o.target().id, o.kase(), metric, value);
        System.out.flush();
    }

    private void info(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%s %s] " + format + "%n", prepend(o.target().id, o.kase(), args));
        System.err.flush();
    }

    private static Object[] prepend(String a, String b, Object[] rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<InetAddress> sources(int count) throws IOException {
        List<InetAddress> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) list.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        return list;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
