package io.troupe.bench.rpc;

import java.nio.file.Path;
import java.util.Map;

/**
 * One side of an RPC benchmark, in a JVM of its own; {@link RpcDriver} starts both.
 *
 * <pre>
 * java ... io.troupe.bench.rpc.RpcMain --impl troupe|grpc-unary|grpc-bidi --role server [--name NODE --dir DIR]
 * java ... io.troupe.bench.rpc.RpcMain --impl troupe|grpc-unary|grpc-bidi --role client
 *          --case unary-64|sequential|oneway|plus-100 --peer NODE|PORT --peer-pid PID --warmup S --measure S [--dir DIR]
 * </pre>
 * The server prints "ready NODE-OR-PORT" and runs until killed; the client prints SAMPLE lines and exits.
 */
public final class RpcMain {
    private RpcMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = io.troupe.bench.Args.parse(args);
        String impl = o.get("impl");
        boolean server = "server".equals(o.get("role"));
        Path dir = Path.of(o.getOrDefault("dir", System.getProperty("java.io.tmpdir")));
        String kase = o.getOrDefault("case", "unary-64");
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "2"));
        double measure = Double.parseDouble(o.getOrDefault("measure", "3"));
        long peerPid = Long.parseLong(o.getOrDefault("peer-pid", "-1"));
        try {
            if (impl.equals("troupe")) {
                if (server) TroupeRpcSide.server(o.get("name"), dir);
                else TroupeRpcSide.client(kase, o.get("peer"), peerPid, warmup, measure, dir);
            } else if (impl.equals("grpc-unary") || impl.equals("grpc-bidi")) {
                if (server) GrpcSide.server();
                else GrpcSide.client(impl, kase, Integer.parseInt(o.get("peer")), peerPid, warmup, measure);
            } else {
                throw new IllegalArgumentException("unknown --impl " + impl);
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
