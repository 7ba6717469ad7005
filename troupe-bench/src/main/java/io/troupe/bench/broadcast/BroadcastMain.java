package io.troupe.bench.broadcast;

/**
 * The broadcast fan-out benchmark driver (bench/run broadcast runs it once per target, client
 * count and repetition): starts the target's server, runs the load client against it, prints
 * {@code SAMPLE} lines, stops the server.
 *
 * <pre>
 * java ... io.troupe.bench.broadcast.BroadcastMain --target socketio|pinus|troupe --clients N
 *     [--case NAME] [--node-dir bench/node] [--work DIR] [--start-rate DELIVERIES_PER_S] [--factor F]
 *     [--max-steps K] [--bisections B] [--warmup S] [--measure S] [--max-p99-ms MS] [--settle S]
 *     [--threads T] [--sources K] [--server-prefix "taskset -c 0"]
 *     [--java JAVA --jvm "FLAGS" --lib DIR] [--troupe-main CLASS]
 * </pre>
 *
 * Exit status 0 on success, {@value BroadcastRun#SKIPPED} when the target cannot be started yet
 * (a {@code SKIP} line says why), 1 on failure.
 */
public final class BroadcastMain {
    private BroadcastMain() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = new BroadcastRun(Options.parse(args)).run();
        } catch (Exception e) {
            System.err.println("broadcast: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
