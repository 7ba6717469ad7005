package io.troupe.node.spi;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDiscoveryTest extends DiscoveryConformance {
    private static final URI SEED = URI.create("tcp://10.0.0.7:4370");

    @Override
    protected Discovery create() {
        return Discovery.seeds(Map.of("seed@other-host", SEED));
    }

    @Test
    void seedsAreFoundAndASeedNodeMayPublishItsOwnName() throws Exception {
        assertThat(discovery.lookup("seed@other-host")).contains(SEED);
        assertThat(discovery.list()).containsEntry("seed@other-host", SEED);
        discovery.publish("seed@other-host", address(4370));
        assertThat(discovery.lookup("seed@other-host")).contains(address(4370));
        discovery.withdraw("seed@other-host");
        assertThat(discovery.lookup("seed@other-host")).contains(SEED);
    }

    @Test
    void firstOfPublishesThroughTheFirstAndLooksUpThroughAll() throws Exception {
        Discovery local = Discovery.inMemory();
        Discovery both = track(Discovery.firstOf(local, discovery));
        both.publish("me@this-host", address(1));
        assertThat(local.lookup("me@this-host")).contains(address(1));
        assertThat(both.lookup("seed@other-host")).contains(SEED);
        assertThat(both.list()).containsKeys("me@this-host", "seed@other-host");
    }
}
