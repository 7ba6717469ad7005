package io.troupe.node.spi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How nodes find each other by name: each node publishes the address it listens on, and looks up
 * a peer's address when it first connects to it. Providers: {@link #inMemory()} (nodes in one
 * JVM), {@link #sameHost()} (nodes on one machine, no daemon), {@link #seeds(Map)} (fixed addresses
 * of nodes on other machines), {@link #firstOf(Discovery...)} to combine them; a cluster service
 * (ZooKeeper, ...) fits the same interface.
 *
 * <h2>Invariants every provider must keep</h2>
 * <ol>
 *   <li>After {@code publish(node, address)} returns, {@code lookup(node)} returns
 *       {@code address} through this instance and through every instance that shares its backing
 *       store, until {@code withdraw(node)} or {@code close()} on this instance, or until the
 *       publishing process dies where the provider can detect that.</li>
 *   <li>A name has at most one live publication in a store: {@code publish} of a name that has
 *       one (through any instance, this one included) throws {@link NameInUseException}; withdraw
 *       it first to move it. Configured entries (seeds) are not publications: a node may publish
 *       its own seed name.</li>
 *   <li>{@code lookup} and {@code list} never return a publication that was withdrawn, or whose
 *       publisher is known to be dead (stale entries are ignored, not reported).</li>
 *   <li>{@code list} returns exactly the names {@code lookup} would find, with the same addresses.</li>
 *   <li>{@code withdraw} of a name this instance does not hold does nothing; {@code close} withdraws
 *       every name published through this instance and is idempotent.</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * Every method is thread-safe and may block for I/O (a file, a network round trip), bounded by
 * the provider. Nodes call {@code publish}, {@code withdraw} and {@code close} from the thread that
 * starts or closes the node, and {@code lookup}/{@code list} from connection threads (virtual
 * threads), never from a process's message path. A provider never calls back into a node.
 *
 * <p>Addresses are URIs: {@code tcp://host:port}, {@code tls://host:port} or {@code unix:/path}.
 */
public interface Discovery extends AutoCloseable {

    /** Publishes {@code node}'s address; see invariants 1 and 2. */
    void publish(String node, URI address) throws IOException;

    /** The address of {@code node}, if a live publication or a configured entry has one. */
    Optional<URI> lookup(String node) throws IOException;

    /** Every node this provider knows now, with its address. */
    Map<String, URI> list() throws IOException;

    /** Withdraws a name this instance published. */
    void withdraw(String node) throws IOException;

    /** Withdraws everything this instance published and releases its resources. */
    @Override
    void close();

    /** A store in this JVM's memory: share one instance between nodes of one JVM. */
    static Discovery inMemory() {
        return io.troupe.node.internal.InMemoryDiscovery.create();
    }

    /**
     * Nodes on this machine, with no daemon: one small file per node in a per-user directory under
     * {@code java.io.tmpdir}, locked by the node for its lifetime, so entries of nodes that died or
     * were killed are recognised and ignored.
     */
    static Discovery sameHost() {
        return io.troupe.node.internal.SameHostDiscovery.create(null);
    }

    /** {@link #sameHost()} with its files in {@code directory}. */
    static Discovery sameHost(Path directory) {
        return io.troupe.node.internal.SameHostDiscovery.create(directory);
    }

    /**
     * Fixed addresses of nodes on other machines (from configuration), plus this instance's own
     * publications. Nodes learn the addresses of the seeds' peers when they connect (full mesh).
     */
    static Discovery seeds(Map<String, URI> addresses) {
        return io.troupe.node.internal.SeedDiscovery.create(addresses);
    }

    /**
     * Publishes through the first provider and looks up through each in turn, for example
     * {@code firstOf(sameHost(), seeds(...))}. Closing it closes them all.
     */
    static Discovery firstOf(Discovery... providers) {
        return io.troupe.node.internal.CompositeDiscovery.create(providers);
    }
}
