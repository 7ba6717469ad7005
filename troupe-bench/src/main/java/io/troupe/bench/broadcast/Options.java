package io.troupe.bench.broadcast;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The driver's settings, from {@code --name value} pairs.
 *
 * @param clients       receivers in the room
 * @param startRate     deliveries/s offered at the first ramp step
 * @param factor        each ramp step offers this many times the previous one
 * @param maxSteps      ramp steps at most
 * @param bisections    steps between the last sustained and the first failed rate
 * @param warmupMillis  per step, before measuring
 * @param measureMillis per step (the half-load run measures twice as long)
 * @param maxP99Millis  a step whose p99 exceeds this is not sustained
 * @param settleMillis  wait before reading idle memory
 * @param threads       event-loop threads of the receivers
 * @param sourceCount   loopback source addresses 127.0.0.1..n to spread connections over
 * @param serverPrefix  command prefix for the server (e.g. taskset -c 0), may be empty
 */
record Options(Target target, String kase, int clients, double startRate, double factor, int maxSteps, int bisections,
               long warmupMillis, long measureMillis, long maxP99Millis, long settleMillis, int threads, int sourceCount,
               List<String> serverPrefix, Path nodeDir, Path work, String java, List<String> jvmFlags, Path lib,
               String troupeMain) {

    static Options parse(String[] args) {
        Map<String, String> o = io.troupe.bench.Args.parse(args);
        int clients = Integer.parseInt(o.getOrDefault("clients", "1000"));
        return new Options(
                Target.of(o.getOrDefault("target", "socketio")),
                o.getOrDefault("case", "broadcast-" + clients),
                clients,
                Double.parseDouble(o.getOrDefault("start-rate", Integer.toString(Math.max(10_000, 2 * clients)))),
                Double.parseDouble(o.getOrDefault("factor", "1.5")),
                Integer.parseInt(o.getOrDefault("max-steps", "14")),
                Integer.parseInt(o.getOrDefault("bisections", "1")),
                (long) (Double.parseDouble(o.getOrDefault("warmup", "1")) * 1000),
                (long) (Double.parseDouble(o.getOrDefault("measure", "2")) * 1000),
                Long.parseLong(o.getOrDefault("max-p99-ms", "500")),
                (long) (Double.parseDouble(o.getOrDefault("settle", "2")) * 1000),
                Integer.parseInt(o.getOrDefault("threads", "1")),
                Integer.parseInt(o.getOrDefault("sources", Integer.toString(Math.max(1, (clients + 19_999) / 20_000)))),
                words(o.getOrDefault("server-prefix", "")),
                Path.of(o.getOrDefault("node-dir", "bench/node")).toAbsolutePath(),
                Path.of(o.getOrDefault("work", "bench/.work/broadcast")).toAbsolutePath(),
                o.getOrDefault("java", ProcessHandle.current().info().command().orElse("java")),
                words(o.getOrDefault("jvm", "")),
                Path.of(o.getOrDefault("lib", "bench/.work/lib")).toAbsolutePath(),
                o.get("troupe-main"));
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
