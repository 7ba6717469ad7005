package io.troupe.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs one case on one implementation in this JVM and prints {@code SAMPLE} lines; bench/run starts
 * a fresh JVM per case, implementation and repetition, alternating the implementations.
 *
 * <pre>
 * java ... io.troupe.bench.BenchMain --impl troupe|troupe-threaded|pekko --case CASE
 *          [--warmup SECONDS] [--measure SECONDS] [--processes N] [--spawn-warmup N] [--deadline SECONDS]
 * cases: ping-pong echo-64 fan-in-2 fan-in-8 request-response spawn-1m
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) usage("unexpected argument " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) usage("missing value for " + args[args.length - 1]);
        String impl = options.getOrDefault("impl", "");
        String kase = options.getOrDefault("case", "");
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "2"));
        double measure = Double.parseDouble(options.getOrDefault("measure", "3"));
        int processes = Integer.parseInt(options.getOrDefault("processes", "1000000"));
        int spawnWarmup = Integer.parseInt(options.getOrDefault("spawn-warmup", String.valueOf(Sizes.SPAWN_WARMUP)));
        double deadline = Double.parseDouble(options.getOrDefault("deadline", "300"));
        if (!impl.matches("troupe|troupe-threaded|pekko")) usage("unknown --impl '" + impl + "'");

        startWatchdog(impl, kase, deadline);
        Samples out = new Samples(impl, kase);
        boolean threaded = impl.equals("troupe-threaded");
        try {
            if (kase.equals("spawn-1m")) {
                if (impl.equals("pekko")) PekkoSpawn.run(processes, spawnWarmup, out); else TroupeSpawn.run(threaded, processes, spawnWarmup, out);
            } else {
                // Not closed: the JVM halts right after the samples are printed, and an orderly
                // shutdown (about a second for an ActorSystem) would only lengthen the run.
                Workload workload = impl.equals("pekko")
                        ? PekkoWorkloads.create(kase) : TroupeWorkloads.create(kase, threaded);
                String metric = kase.equals("request-response") ? "round_trips_per_s" : "msgs_per_s";
                out.print(metric, Measure.rate(workload, warmup, measure));
                workload.reportExtra(out);
            }
        } catch (Throwable e) {
            System.out.println("ERROR impl=" + impl + " case=" + kase + " " + e);
            e.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // no lingering threads (Pekko, leftover processes)
    }

    private static void startWatchdog(String impl, String kase, double deadlineS) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) (deadlineS * 1000));
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("ERROR impl=" + impl + " case=" + kase + " deadline of " + deadlineS + " s passed");
            System.out.flush();
            Runtime.getRuntime().halt(4);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: BenchMain --impl troupe|troupe-threaded|pekko --case CASE"
                + " [--warmup S] [--measure S] [--processes N] [--spawn-warmup N] [--deadline S]");
        System.exit(2);
    }
}
