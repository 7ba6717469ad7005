package io.troupe.node.spi;

class InMemoryDiscoveryTest extends DiscoveryConformance {
    @Override
    protected Discovery create() {
        return Discovery.inMemory();
    }
}
