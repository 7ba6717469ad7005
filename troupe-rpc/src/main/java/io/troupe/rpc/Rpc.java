package io.troupe.rpc;

import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.node.Node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Services by name: a name service, messages and remote calls (luanet's model, typed), for one
 * runtime and, when the runtime is a {@link Node}, for the whole cluster.
 * <pre>{@code
 * Rpc rpc = Rpc.of(node);
 * rpc.serve(ServiceSpec.named("PlusServer").function("Plus", a -> (Integer) a.get(0) + (Integer) a.get(1)));
 * int three = (Integer) rpc.call("PlusServer", "Plus", List.of(1, 2), Duration.ofSeconds(1));
 * }</pre>
 *
 * <h2>The name service</h2>
 * Part of every runtime: nothing to run separately. A service's name is unique in the cluster
 * (registration takes a cluster-wide name, so of two nodes racing exactly one wins). Every node
 * keeps a replica of the directory (name, type, node, host process, functions): lookups,
 * {@link #providersOf} and routing read it without a network round trip. A node learns of a
 * service when it is registered on a connected node or when it connects to the service's node; it
 * forgets it when the service is closed, its registering process ends, or its node goes down. The
 * replica is eventually consistent: a call can reach a service that just went away, and then
 * fails with {@link RemoteDisconnectedException} or {@link NoSuchServiceException}.
 *
 * <h2>Calls</h2>
 * {@code call} sends a request carrying a correlation id and a deadline to the service's host, which
 * runs it in a new process; the caller waits for the answer. Any number of calls may be in flight
 * from one process or thread at once (through {@link #callAsync}). Outcomes, exactly one per call:
 * <ul>
 *   <li>the function's result;</li>
 *   <li>{@link NoSuchServiceException}: no live service of that name (found without a round trip);</li>
 *   <li>{@link NoSuchFunctionException}: the service does not offer the function;</li>
 *   <li>{@link RemoteException}: the function threw (type and message);</li>
 *   <li>{@link RemoteDisconnectedException}: the host process or its node went away, or the
 *       connection was lost, while the call was in flight; reported as soon as this node learns
 *       of it (a lost connection at once, a silent node within the failure-detection time);</li>
 *   <li>{@link CallTimeoutException}: no answer by the deadline (deadlines are checked by one
 *       sweep every 5 ms, not a timer per call, so it comes up to 5 ms late); the server is told
 *       to cancel the call, and a late answer is discarded.</li>
 * </ul>
 *
 * <h2>Who may call</h2>
 * A blocking {@code call} blocks only its caller: a threaded process (its wait is a Troupe wait, so
 * a kill or exit signal still ends it at once), a virtual thread or a plain thread. A
 * {@link io.troupe.Handler} must not block its scheduler thread: it uses {@link #callAsync}. All
 * methods are thread-safe.
 */
public interface Rpc {

    /**
     * The RPC layer of {@code runtime}, created on first use (one per runtime). If the runtime is
     * a node's, services are cluster-wide.
     * @throws IllegalStateException if the runtime is shut down
     */
    static Rpc of(TroupeRuntime runtime) {
        return io.troupe.rpc.internal.RpcRuntime.of(runtime);
    }

    /** The RPC layer of {@code node}: services visible on every node connected to it. */
    static Rpc of(Node node) {
        return of(node.runtime());
    }

    /**
     * The RPC layer of the calling process's runtime.
     * @throws IllegalStateException outside a Troupe process (no runtime to use: start a node and
     *                               use {@link #of(Node)})
     */
    static Rpc current() {
        return of(Troupe.runtime());
    }

    // ---------------------------------------------------------------- the name service

    /**
     * Registers a service and starts its host. Called from inside a process, the service is tied
     * to that process and closes when it ends.
     * @throws ServiceNameTakenException if a live service holds the name anywhere in the cluster
     */
    Service serve(ServiceSpec spec);

    /**
     * Registers {@code implementation} as service {@code name}: every abstract method of
     * {@code api} becomes a function of the method's name (overloads are refused). The service's
     * type is the name.
     * @throws IllegalArgumentException if {@code api} is not an interface or overloads a method name
     */
    <T> Service serve(String name, Class<T> api, T implementation);

    /** {@link #serve(String, Class, Object)} with a type shared by interchangeable services. */
    <T> Service serve(String name, String type, Class<T> api, T implementation);

    /** The service named {@code name}, as known to this node. */
    Optional<ServiceInfo> lookup(String name);

    /** Every service known to this node, sorted by name. */
    List<ServiceInfo> services();

    /** The services of {@code type}, sorted by name. */
    List<ServiceInfo> servicesOfType(String type);

    /** The services offering {@code function}, sorted by name (luanet's {@code GetRemoteFuncProvider}). */
    List<ServiceInfo> providersOf(String function);

    // ---------------------------------------------------------------- messages

    /**
     * Sends {@code message} to the service named {@code service}; it waits in the service's queue
     * for a taker ({@link Service#messages()}). Never blocks. Messages from one sender arrive in
     * send order.
     * @throws NoSuchServiceException if no live service has the name
     */
    void send(String service, Object message);

    // ---------------------------------------------------------------- calls

    /**
     * Calls {@code function} of {@code service} and waits for the result, at most {@code timeout}.
     * @throws RpcException one of the outcomes listed in the class documentation
     * @throws IllegalStateException from a {@link io.troupe.Handler} (use {@link #callAsync})
     */
    Object call(String service, String function, List<?> args, Duration timeout);

    /** {@link #call} without waiting: the future completes with the result or an {@link RpcException}. */
    CompletableFuture<Object> callAsync(String service, String function, List<?> args, Duration timeout);

    /**
     * A typed client of {@code service}: each method of {@code api} calls the function of the
     * method's name with the method's arguments, with {@link Routing#DEFAULT_TIMEOUT}. RPC errors
     * are thrown as the unchecked {@link RpcException}s.
     */
    <T> T stub(Class<T> api, String service);

    /** A typed client whose calls go where {@code routing} says. */
    <T> T stub(Class<T> api, Routing routing);
}
