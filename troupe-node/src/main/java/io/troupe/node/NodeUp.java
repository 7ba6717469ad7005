package io.troupe.node;

import java.util.Objects;

/**
 * The message a process subscribed with {@link Node#monitorNodes(boolean)} receives when a
 * connection to another node comes up (Erlang's {@code {nodeup, Node}}).
 *
 * @param node the node now connected, {@code name@host}
 */
public record NodeUp(String node) {
    public NodeUp {
        Objects.requireNonNull(node, "node");
    }
}
