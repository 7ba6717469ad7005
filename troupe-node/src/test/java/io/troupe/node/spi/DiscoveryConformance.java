package io.troupe.node.spi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite every {@link Discovery} provider must pass: extend it, implement
 * {@link #create()}, and (for providers whose store can be shared by several instances) override
 * {@link #sibling(Discovery)}. The numbers refer to the invariants in {@link Discovery}'s Javadoc.
 */
public abstract class DiscoveryConformance {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A provider instance on a fresh store (or a store no other test uses). */
    protected abstract Discovery create() throws Exception;

    /** Another instance on {@code first}'s store; providers whose instance is the store return {@code first}. */
    protected Discovery sibling(Discovery first) throws Exception {
        return first;
    }

    protected Discovery discovery;
    private final List<Discovery> opened = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        discovery = track(create());
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Discovery::close);
    }

    protected Discovery track(Discovery instance) {
        opened.add(instance);
        return instance;
    }

    protected static String name() {
        return "conf" + ProcessHandle.current().pid() + "n" + NAMES.incrementAndGet() + "@test-host";
    }

    protected static URI address(int port) {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    @Test
    void publishedAddressIsFound_1_4() throws Exception {
        String node = name();
        discovery.publish(node, address(4001));
        assertThat(discovery.lookup(node)).contains(address(4001));
        assertThat(discovery.list()).containsEntry(node, address(4001));
        Discovery other = sibling(discovery);
        assertThat(other.lookup(node)).contains(address(4001));
    }

    @Test
    void unknownNameIsNotFound() throws Exception {
        assertThat(discovery.lookup(name())).isEmpty();
    }

    @Test
    void withdrawnNameIsGone_3() throws Exception {
        String node = name();
        discovery.publish(node, address(4002));
        discovery.withdraw(node);
        assertThat(discovery.lookup(node)).isEmpty();
        assertThat(discovery.list()).doesNotContainKey(node);
        assertThat(sibling(discovery).lookup(node)).isEmpty();
    }

    @Test
    void aLiveNameCannotBePublishedTwice_2() throws Exception {
        String node = name();
        discovery.publish(node, address(4003));
        Discovery other = track(sibling(discovery));
        assertThatThrownBy(() -> other.publish(node, address(4004))).isInstanceOf(NameInUseException.class)
                .hasMessageContaining(node);
        assertThatThrownBy(() -> discovery.publish(node, address(4004))).isInstanceOf(NameInUseException.class);
        assertThat(discovery.lookup(node)).contains(address(4003));
    }

    @Test
    void aWithdrawnNameCanBePublishedAgain_2() throws Exception {
        String node = name();
        discovery.publish(node, address(4005));
        discovery.withdraw(node);
        Discovery other = track(sibling(discovery));
        other.publish(node, address(4006));
        assertThat(discovery.lookup(node)).contains(address(4006));
    }

    @Test
    void closeWithdrawsEverythingAndIsIdempotent_5() throws Exception {
        Discovery publisher = create();
        String first = name();
        String second = name();
        publisher.publish(first, address(4007));
        publisher.publish(second, address(4008));
        Discovery reader = publisher == sibling(publisher) ? publisher : track(sibling(publisher));
        publisher.close();
        publisher.close();
        assertThat(reader.lookup(first)).isEmpty();
        assertThat(reader.lookup(second)).isEmpty();
    }

    @Test
    void withdrawingANameHeldByAnotherInstanceDoesNothing_5() throws Exception {
        Discovery other = track(sibling(discovery));
        assumeTrue(other != discovery, "the instance is the store");
        String node = name();
        other.publish(node, address(4009));
        discovery.withdraw(node);
        assertThat(discovery.lookup(node)).contains(address(4009));
    }

    @Test
    void concurrentPublishersOfOneNameHaveOneWinner_2() throws Exception {
        String node = name();
        int racers = 8;
        List<Discovery> instances = new ArrayList<>();
        for (int i = 0; i < racers; i++) instances.add(i == 0 ? discovery : track(sibling(discovery)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Discovery instance = instances.get(i);
                int port = 5000 + i;
                results.add(threads.submit(() -> {
                    go.await();
                    try {
                        instance.publish(node, address(port));
                        return true;
                    } catch (NameInUseException e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            assertThat(winners).isEqualTo(1);
            assertThat(discovery.lookup(node)).isPresent();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void listShowsExactlyWhatLookupFinds_4() throws Exception {
        String kept = name();
        String dropped = name();
        discovery.publish(kept, address(4010));
        discovery.publish(dropped, address(4011));
        discovery.withdraw(dropped);
        var all = discovery.list();
        assertThat(all).containsEntry(kept, address(4010)).doesNotContainKey(dropped);
        for (var entry : all.entrySet()) {
            assertThat(discovery.lookup(entry.getKey())).contains(entry.getValue());
        }
    }
}
