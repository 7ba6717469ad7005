package io.troupe.bench.nodes;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one two-node case: starts the receiving node (a JVM, or an Erlang node), then the sending
 * node, which measures and prints SAMPLE lines; relays them and stops both. bench/run calls it once
 * per implementation, case and repetition.
 *
 * <pre>
 * java ... io.troupe.bench.nodes.NodesDriver --impl troupe|pekko|erlang --case one-way|ping-pong
 *          --warmup S --measure S --java JAVA --jvm "FLAGS" --lib DIR --erl-src FILE.erl --work DIR
 * </pre>
 */
public final class NodesDriver {
    private NodesDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = io.troupe.bench.Args.parse(args);
        String impl = o.get("impl");
        String kase = o.get("case");
        Path work = Path.of(o.get("work"));
        Files.createDirectories(work);
        String stamp = Long.toString(ProcessHandle.current().pid());
        List<String> java = new ArrayList<>();
        java.add(o.get("java"));
        java.addAll(Arrays.asList(o.getOrDefault("jvm", "").trim().split("\\s+")));
        java.removeIf(String::isEmpty);
        java.addAll(List.of("-cp", o.get("lib") + "/*", NodesMain.class.getName()));
        String dir = work.resolve("discovery").toString();

        List<String> receiver = new ArrayList<>();
        List<String> sender = new ArrayList<>();
        switch (impl) {
            case "troupe" -> {
                receiver.addAll(java);
                receiver.addAll(List.of("--impl", "troupe", "--role", "receiver", "--name", "nbrecv" + stamp + "@localhost", "--dir", dir));
                sender.addAll(java);
                sender.addAll(List.of("--impl", "troupe", "--role", "sender", "--dir", dir));
            }
            case "pekko" -> {
                String port = Integer.toString(freePort());
                receiver.addAll(java);
                receiver.addAll(List.of("--impl", "pekko", "--role", "receiver", "--port", port));
                sender.addAll(java);
                sender.addAll(List.of("--impl", "pekko", "--role", "sender", "--port", port));
            }
            case "erlang" -> {
                Path beams = work.resolve("erlang");
                compileErlang(Path.of(o.get("erl-src")), beams);
                receiver.addAll(List.of("erl", "-sname", "nbr" + stamp, "-setcookie", "bench", "-noshell", "+S", "2",
                        "-pa", beams.toString(), "-run", "nodes_bench", "receiver"));
                sender.addAll(List.of("erl", "-sname", "nbs" + stamp, "-setcookie", "bench", "-noshell", "+S", "2",
                        "-pa", beams.toString(), "-run", "nodes_bench", "sender"));
            }
            default -> throw new IllegalArgumentException("unknown --impl " + impl);
        }

        Process receiving = new ProcessBuilder(receiver).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> io.troupe.bench.ChildOutput.pump(receiving, ready, false));
            String node = ready.get(60, TimeUnit.SECONDS);
            long peerPid = beamOrSelf(receiving.toHandle());
            if (impl.equals("erlang")) {
                sender.addAll(List.of(kase, node, o.get("warmup"), o.get("measure"), Long.toString(peerPid)));
            } else {
                sender.addAll(List.of("--case", kase, "--peer", node, "--peer-pid", Long.toString(peerPid),
                        "--warmup", o.get("warmup"), "--measure", o.get("measure")));
            }
            Process sending = new ProcessBuilder(sender).redirectErrorStream(true).start();
            io.troupe.bench.ChildOutput.pump(sending, null, true);
            double limit = Double.parseDouble(o.get("warmup")) + Double.parseDouble(o.get("measure")) + 60;
            if (!sending.waitFor((long) limit, TimeUnit.SECONDS)) {
                sending.destroyForcibly();
                System.out.println("ERROR impl=" + impl + " case=" + kase + " the sender did not finish in time");
            }
        } finally {
            receiving.descendants().forEach(ProcessHandle::destroyForcibly);
            receiving.destroyForcibly();
            receiving.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.flush();
    }

    /** The OS process that does the work: erl execs beam.smp, sometimes as a child. */
    private static long beamOrSelf(ProcessHandle handle) {
        return handle.descendants()
                .filter(child -> child.info().command().map(c -> c.endsWith("beam.smp")).orElse(false))
                .findFirst().orElse(handle).pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void compileErlang(Path source, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Path beam = into.resolve("nodes_bench.beam");
        if (Files.exists(beam) && Files.getLastModifiedTime(beam).compareTo(Files.getLastModifiedTime(source)) >= 0) return;
        Process erlc = new ProcessBuilder("erlc", "-o", into.toString(), source.toString()).inheritIO().start();
        if (erlc.waitFor() != 0) throw new IllegalStateException("erlc failed on " + source);
    }
}
