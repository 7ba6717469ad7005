package io.troupe.node.internal;

import io.troupe.TroupeRuntime;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.spi.Discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bridge from the API's entry points to the implementation. */
public final class Nodes {
    private static final ConcurrentHashMap<TroupeRuntime, Node> BY_RUNTIME = new ConcurrentHashMap<>();

    private Nodes() {
    }

    public static Node start(NodeOptions options) throws IOException {
        String name = options.name().contains("@") ? options.name() : options.name() + "@" + shortHostName();
        String cookie = options.cookie() != null ? options.cookie() : UserFiles.defaultCookie();
        Discovery discovery = options.discovery() != null ? options.discovery() : Discovery.sameHost();
        TroupeRuntime runtime = TroupeRuntime.start(options.runtime().withNode(name));
        NodeImpl node;
        try {
            node = new NodeImpl(options, name, cookie.getBytes(StandardCharsets.UTF_8), runtime, discovery,
                    options.discovery() == null);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        try {
            node.start();
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        BY_RUNTIME.put(runtime, node);
        return node;
    }

    public static Optional<Node> of(TroupeRuntime runtime) {
        return Optional.ofNullable(BY_RUNTIME.get(runtime));
    }

    static void forget(TroupeRuntime runtime) {
        BY_RUNTIME.remove(runtime);
    }

    /** This machine's host name up to the first dot, as Erlang's short names; "localhost" if unknown. */
    static String shortHostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            String name = (dot > 0 ? host.substring(0, dot) : host).replaceAll("[^A-Za-z0-9_\\-]", "");
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }
}
