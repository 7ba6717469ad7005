package io.troupe.bench.nodes;

import java.nio.file.Path;
import java.util.Map;

/**
 * One side of a two-node benchmark, in a JVM of its own; {@link NodesDriver} starts both.
 *
 * <pre>
 * java ... io.troupe.bench.nodes.NodesMain --impl troupe|pekko --role receiver --name NAME --dir DIR
 * java ... io.troupe.bench.nodes.NodesMain --impl troupe|pekko --role sender --case one-way|ping-pong
 *          --peer NODE --peer-pid PID --warmup S --measure S --dir DIR
 * </pre>
 * The receiver prints "ready NODE" and runs until killed; the sender prints SAMPLE lines and exits.
 */
public final class NodesMain {
    private NodesMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = io.troupe.bench.Args.parse(args);
        String impl = options.get("impl");
        boolean receiver = "receiver".equals(options.get("role"));
        Path dir = Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir")));
        String kase = options.getOrDefault("case", "one-way");
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "2"));
        double measure = Double.parseDouble(options.getOrDefault("measure", "3"));
        long peerPid = Long.parseLong(options.getOrDefault("peer-pid", "-1"));
        try {
            switch (impl) {
                case "troupe" -> {
                    if (receiver) TroupeSide.receiver(options.get("name"), dir);
                    else TroupeSide.sender(kase, options.get("peer"), peerPid, warmup, measure, dir);
                }
                case "pekko" -> {
                    if (receiver) PekkoSide.receiver(Integer.parseInt(options.get("port")));
                    else PekkoSide.sender(kase, Integer.parseInt(options.get("port")), peerPid, warmup, measure);
                }
                default -> throw new IllegalArgumentException("unknown --impl " + impl);
            }
        } catch (Throwable e) {
            System.out.println("ERROR impl=" + impl + " case=" + kase + " " + e);
            e.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
