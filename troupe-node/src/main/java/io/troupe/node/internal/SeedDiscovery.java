package io.troupe.node.internal;

import io.troupe.node.spi.Discovery;
import io.troupe.node.spi.NameInUseException;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed addresses from configuration (nodes on other machines), plus what is published through this
 * instance. A publication wins over a seed of the same name: a seed node publishes its own name.
 */
public final class SeedDiscovery implements Discovery {
    private final Map<String, URI> seeds;
    private final ConcurrentHashMap<String, URI> published = new ConcurrentHashMap<>();

    private SeedDiscovery(Map<String, URI> seeds) {
        this.seeds = Map.copyOf(seeds);
    }

    public static Discovery create(Map<String, URI> seeds) {
        return new SeedDiscovery(Objects.requireNonNull(seeds, "seeds"));
    }

    @Override
    public void publish(String node, URI address) throws NameInUseException {
        Objects.requireNonNull(address, "address");
        URI holder = published.putIfAbsent(Objects.requireNonNull(node, "node"), address);
        if (holder != null) throw new NameInUseException(node, "published at " + holder);
    }

    @Override
    public Optional<URI> lookup(String node) {
        URI address = published.get(node);
        return Optional.ofNullable(address != null ? address : seeds.get(node));
    }

    @Override
    public Map<String, URI> list() {
        Map<String, URI> all = new TreeMap<>(seeds);
        all.putAll(published);
        return all;
    }

    @Override
    public void withdraw(String node) {
        published.remove(node);
    }

    @Override
    public void close() {
        published.clear();
    }
}
