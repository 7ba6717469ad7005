package io.troupe.node;

import java.util.List;

/**
 * The body of a process that other nodes may start by name with
 * {@link Node#spawn(String, String, Object...)} (ConcurrentLua's {@code spawn(node, fname, ...)}).
 * It runs as a threaded process on the node where it is registered.
 *
 * <pre>{@code
 * node.registerFunction("pong", args -> {
 *     int rounds = (Integer) args.get(0);
 *     for (int i = 0; i < rounds; i++) {
 *         if (Troupe.receive() instanceof Ping(Pid from)) Troupe.send(from, new Pong());
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface RemoteFunction {

    /**
     * Runs in the new process.
     *
     * @param args the arguments given to {@code spawn}, decoded on this node (immutable)
     * @throws Exception ends the process abnormally
     */
    void run(List<Object> args) throws Exception;
}
