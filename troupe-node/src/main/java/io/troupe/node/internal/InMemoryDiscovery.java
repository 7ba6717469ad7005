package io.troupe.node.internal;

import io.troupe.node.spi.Discovery;
import io.troupe.node.spi.NameInUseException;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Discovery in this JVM's memory: the instance is the store; share it between nodes. */
public final class InMemoryDiscovery implements Discovery {
    private final ConcurrentHashMap<String, URI> published = new ConcurrentHashMap<>();

    private InMemoryDiscovery() {
    }

    public static Discovery create() {
        return new InMemoryDiscovery();
    }

    @Override
    public void publish(String node, URI address) throws NameInUseException {
        Objects.requireNonNull(address, "address");
        URI holder = published.putIfAbsent(Objects.requireNonNull(node, "node"), address);
        if (holder != null) throw new NameInUseException(node, "published at " + holder);
    }

    @Override
    public Optional<URI> lookup(String node) {
        return Optional.ofNullable(published.get(node));
    }

    @Override
    public Map<String, URI> list() {
        return new TreeMap<>(published);
    }

    @Override
    public void withdraw(String node) {
        published.remove(node);
    }

    @Override
    public void close() {
        published.clear();
    }

    @Override
    public String toString() {
        return "InMemoryDiscovery" + published.keySet();
    }
}
