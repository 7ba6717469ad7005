package io.troupe.node;

import io.troupe.ExitReason;

import java.util.Objects;

/**
 * The message a process receives when a node it monitors ({@link Node#monitorNode(String)}) goes
 * down or its connection is lost (Erlang's {@code {nodedown, Node}}). Unlike ConcurrentLua's
 * {@code NODEDOWN}, it names the node.
 *
 * @param node   the node that went down, {@code name@host}
 * @param reason why: {@link ExitReason#NOCONNECTION} for a lost or refused connection
 */
public record NodeDown(String node, ExitReason reason) {
    public NodeDown {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
    }
}
