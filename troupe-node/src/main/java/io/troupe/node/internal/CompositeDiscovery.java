package io.troupe.node.internal;

import io.troupe.node.spi.Discovery;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Publishes through the first provider, looks up through each in turn. */
public final class CompositeDiscovery implements Discovery {
    private final List<Discovery> providers;

    private CompositeDiscovery(List<Discovery> providers) {
        if (providers.isEmpty()) throw new IllegalArgumentException("no discovery providers");
        this.providers = providers;
    }

    public static Discovery create(Discovery... providers) {
        return new CompositeDiscovery(List.of(providers));
    }

    @Override
    public void publish(String node, URI address) throws IOException {
        providers.getFirst().publish(node, address);
    }

    @Override
    public Optional<URI> lookup(String node) throws IOException {
        for (Discovery provider : providers) {
            Optional<URI> address = provider.lookup(node);
            if (address.isPresent()) return address;
        }
        return Optional.empty();
    }

    @Override
    public Map<String, URI> list() throws IOException {
        Map<String, URI> all = new TreeMap<>();
        for (Discovery provider : providers.reversed()) all.putAll(provider.list());
        return all;
    }

    @Override
    public void withdraw(String node) throws IOException {
        providers.getFirst().withdraw(node);
    }

    @Override
    public void close() {
        providers.forEach(Discovery::close);
    }
}
