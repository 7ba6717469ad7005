package io.troupe.examples.plus;

import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.rpc.Rpc;
import io.troupe.rpc.Service;
import io.troupe.rpc.ServiceSpec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Seed 002's PlusServer: a node that registers the service {@code PlusServer} with one function,
 * {@code Plus(a, b) = a + b}.
 * <pre>
 * java ... io.troupe.examples.plus.PlusServer [node-name]     (default plus-server)
 * </pre>
 * It prints {@code PlusServer ready on <node>} and serves until its standard input closes.
 */
public final class PlusServer {
    private PlusServer() {
    }

    // tag::serve[]
    /** Registers PlusServer in {@code rpc}'s cluster. */
    public static Service serve(Rpc rpc) {
        return rpc.serve(ServiceSpec.named("PlusServer")
                .function("Plus", args -> (Integer) args.get(0) + (Integer) args.get(1)));
    }
    // end::serve[]

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "plus-server";
        try (Node node = Node.start(NodeOptions.named(name))) {
            serve(Rpc.of(node));
            System.out.println("PlusServer ready on " + node.node());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // serve until standard input closes
            }
        }
    }
}
