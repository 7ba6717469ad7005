package io.troupe.node.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SameHostDiscoveryTest extends DiscoveryConformance {
    @TempDir
    static Path directory;

    @Override
    protected Discovery create() {
        return Discovery.sameHost(directory);
    }

    @Override
    protected Discovery sibling(Discovery first) {
        return Discovery.sameHost(directory);
    }

    @Test
    void anEntryWhoseLockIsFreeIsStaleAndIgnored() throws Exception {
        String node = name();
        Files.writeString(directory.resolve(node + ".addr"), address(4100).toString());
        Files.writeString(directory.resolve(node + ".lock"), "");
        assertThat(discovery.lookup(node)).isEmpty();
        assertThat(discovery.list()).doesNotContainKey(node);
        discovery.publish(node, address(4101));
        assertThat(sibling(discovery).lookup(node)).contains(address(4101));
    }
}
