package io.troupe.node;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TroupeRuntime} that is part of a cluster of nodes: Erlang distribution for Troupe.
 *
 * <pre>{@code
 * try (Node pong = Node.start(NodeOptions.named("pong").withCookie("secret"));
 *      Node ping = Node.start(NodeOptions.named("ping").withCookie("secret"))) {
 *     pong.runtime().register("pong", pong.runtime().spawn(() -> {
 *         if (Troupe.receive() instanceof Pid from) Troupe.send(from, "pong");
 *     }));
 *     ping.runtime().run(() -> {
 *         Troupe.send(Name.of("pong", pong.node()), Troupe.self());
 *         Troupe.receive(String.class);
 *     });
 * }
 * }</pre>
 *
 * <h2>What works across nodes</h2>
 * Everything in {@link io.troupe.Troupe} that takes a pid or a {@link io.troupe.Name} works for
 * pids of other nodes exactly as for local ones: send, link, monitor, exit signals, trap-exit.
 * Messages from one process to another arrive in send order. Connections are made on first use,
 * one per pair of nodes, and every node connects to the nodes its peers know (full mesh). When a
 * connection is lost, or a peer stays silent longer than {@link NodeOptions#failureDetection()},
 * links to that node's processes fire with {@code NOCONNECTION}, monitors deliver {@code Down}
 * with it, and node monitors receive {@link NodeDown}.
 *
 * <h2>Sending never blocks</h2>
 * A send to a remote pid queues the message on the connection and returns; one writer per
 * connection writes queued messages in batches. The queue bound and overflow policy are in
 * {@link NodeOptions}. Messages must be values of registered types ({@link NodeOptions#messageTypes()}).
 *
 * <p>All methods are thread-safe. Methods that wait for another node (remote {@code spawn}, the
 * global-name operations, {@code ping}) block the caller up to {@link NodeOptions#requestTimeout()}:
 * call them from threaded processes or plain threads, not from {@link io.troupe.Handler}s.
 */
public interface Node extends AutoCloseable {

    /**
     * Starts a runtime as node {@code options.name()}: listens, publishes its address through
     * discovery, and is ready to connect.
     *
     * @throws IOException if it cannot listen, or discovery refuses the name (another live node
     *                     holds it)
     */
    static Node start(NodeOptions options) throws IOException {
        return io.troupe.node.internal.Nodes.start(options);
    }

    /** The node that wraps {@code runtime}, if any: for code that runs inside processes. */
    static Optional<Node> of(TroupeRuntime runtime) {
        return io.troupe.node.internal.Nodes.of(runtime);
    }

    /** This node's name, {@code name@host}. */
    String node();

    /** The nodes connected now (Erlang's {@code nodes()}). */
    Set<String> nodes();

    /** The runtime whose processes live on this node. */
    TroupeRuntime runtime();

    /** Where this node listens, as published to discovery. */
    URI address();

    /**
     * Connects to {@code node} if needed and waits for the connection (Erlang's {@code net_adm:ping}).
     *
     * @return whether the node is connected
     */
    boolean ping(String node);

    // ---------------------------------------------------------------- node monitoring

    /**
     * Makes the calling process receive one {@link NodeDown} when {@code node} goes down or its
     * connection is lost; connects to it if needed (an unreachable node is reported at once).
     *
     * @throws IllegalStateException if not called from a process
     */
    void monitorNode(String node);

    /** Cancels the calling process's monitors of {@code node}; returns whether there was one. */
    boolean demonitorNode(String node);

    /**
     * Subscribes the calling process to every node's comings and goings (Erlang's
     * {@code net_kernel:monitor_nodes}): it receives {@link NodeUp} when a connection to another
     * node comes up and {@link NodeDown} when an up connection is lost or closed, in that order per
     * node, until it calls this with {@code false} or ends. Nodes already connected are not
     * announced: read {@link #nodes()} after subscribing.
     * @throws IllegalStateException if not called from a process
     */
    void monitorNodes(boolean on);

    // ---------------------------------------------------------------- remote spawn

    /** Lets other nodes start {@code function} here by {@code name}; replaces an earlier one. */
    void registerFunction(String name, RemoteFunction function);

    /**
     * Starts the function registered as {@code function} on {@code node} with {@code args}, and
     * returns the new process's pid.
     *
     * @throws SpawnException if the function is not registered there, the node cannot be reached,
     *                        or no answer came within the request timeout
     */
    Pid spawn(String node, String function, Object... args);

    /** {@link #spawn(String, String, Object...)} with an argument list. */
    Pid spawn(String node, String function, List<?> args);

    // ---------------------------------------------------------------- global names

    /**
     * Registers {@code pid} (a live process of this node) under {@code name} on every connected
     * node. When nodes race for one name, exactly one wins. The name is removed when the process
     * ends or its node goes down.
     *
     * @return {@code true} if registered (or already registered to {@code pid}); {@code false} if
     *         another process holds the name or the registration could not complete in time
     */
    boolean registerGlobal(String name, Pid pid);

    /** The process registered globally as {@code name}, as known to this node. */
    Optional<Pid> whereisGlobal(String name);

    /** Removes a global name everywhere. Returns {@code false} if it was not registered. */
    boolean unregisterGlobal(String name);

    /** A snapshot of the global names known to this node. */
    Set<String> globalNames();

    // ---------------------------------------------------------------- lifecycle

    NodeStats stats();

    /**
     * Withdraws the node from discovery, closes the runtime (processes end; their exit signals
     * still reach other nodes), flushes and closes the connections.
     */
    @Override
    void close();
}
