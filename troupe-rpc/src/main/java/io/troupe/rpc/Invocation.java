package io.troupe.rpc;

import java.util.List;

/**
 * A call about to be routed: what a {@link Router} sees.
 *
 * @param function the function called
 * @param args     its arguments (immutable)
 */
public record Invocation(String function, List<Object> args) {
    public Invocation {
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    /** The argument at {@code index}. */
    public Object arg(int index) {
        return args.get(index);
    }
}
