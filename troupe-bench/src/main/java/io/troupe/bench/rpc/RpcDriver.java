package io.troupe.bench.rpc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one RPC case: starts the server JVM, then the client JVM, which measures and prints SAMPLE
 * lines; relays them and stops both. bench/run calls it once per implementation, case and repetition.
 *
 * <pre>
 * java ... io.troupe.bench.rpc.RpcDriver --impl troupe|grpc-unary|grpc-bidi --case CASE
 *          --warmup S --measure S --java JAVA --jvm "FLAGS" --lib DIR --work DIR
 * </pre>
 * Extra client/server JVM flags (e.g. for profiling) may be passed as --client-jvm / --server-jvm.
 */
public final class RpcDriver {
    private RpcDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = io.troupe.bench.Args.parse(args);
        String impl = o.get("impl");
        String kase = o.get("case");
        Path work = Path.of(o.get("work"));
        Files.createDirectories(work);
        String dir = work.resolve("discovery").toString();
        String stamp = Long.toString(ProcessHandle.current().pid());

        List<String> server = java(o, "server-jvm");
        server.addAll(List.of("--impl", impl, "--role", "server", "--name", "rpcsrv" + stamp + "@localhost", "--dir", dir));
        List<String> client = java(o, "client-jvm");
        client.addAll(List.of("--impl", impl, "--role", "client", "--case", kase, "--dir", dir));

        Process serving = new ProcessBuilder(server).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> io.troupe.bench.ChildOutput.pump(serving, ready, false));
            String peer = ready.get(60, TimeUnit.SECONDS);
            client.addAll(List.of("--peer", peer, "--peer-pid", Long.toString(serving.pid()),
                    "--warmup", o.get("warmup"), "--measure", o.get("measure")));
            Process calling = new ProcessBuilder(client).redirectErrorStream(true).start();
            io.troupe.bench.ChildOutput.pump(calling, null, true);
            double limit = Double.parseDouble(o.get("warmup")) + Double.parseDouble(o.get("measure")) + 60;
            if (!calling.waitFor((long) limit, TimeUnit.SECONDS)) {
                calling.destroyForcibly();
                System.out.println("ERROR impl=" + impl + " case=" + kase + " the client did not finish in time");
            } else if (calling.exitValue() != 0) {
                System.out.println("ERROR impl=" + impl + " case=" + kase + " the client exited with " + calling.exitValue());
            }
        } finally {
            serving.destroyForcibly();
            serving.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.flush();
    }

    private static List<String> java(Map<String, String> o, String extra) {
        List<String> java = new ArrayList<>();
        java.add(o.get("java"));
        java.addAll(Arrays.asList(o.getOrDefault("jvm", "").trim().split("\\s+")));
        java.addAll(Arrays.asList(o.getOrDefault(extra, "").trim().split("\\s+")));
        java.removeIf(String::isEmpty);
        java.addAll(List.of("-cp", o.get("lib") + "/*", RpcMain.class.getName()));
        return java;
    }
}
