package io.troupe;

import java.util.Objects;

/**
 * A registered name on a given node, Erlang's {@code {Name, Node}}: a send to it is delivered to
 * whichever process holds {@code name} on {@code node} when the message arrives there.
 *
 * @param name the registered name
 * @param node the node, {@code name@host}
 */
public record Name(String name, String node) {
    public Name {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
    }

    public static Name of(String name, String node) {
        return new Name(name, node);
    }

    @Override
    public String toString() {
        return "{" + name + ", " + node + "}";
    }
}
