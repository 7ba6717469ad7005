package io.troupe.zookeeper.internal;

import io.troupe.zookeeper.ZooKeeperDiscovery.MembershipListener;
import io.troupe.zookeeper.ZooKeeperDiscovery.Watch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The members under the base path, kept by a {@link CuratorCache}, and the listeners told of
 * their changes on one thread, in order.
 */
final class Membership implements CuratorCacheListener {
    private static final Logger log = LoggerFactory.getLogger(Membership.class);

    private final String basePath;
    private final CuratorCache cache;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("troupe-zookeeper-membership").factory());
    private final Object lock = new Object();
    private final Map<String, URI> members = new HashMap<>(); // guarded by lock
    private final List<Registration> registrations = new ArrayList<>(); // guarded by lock

    private Membership(CuratorFramework client, String basePath) {
        this.basePath = basePath;
        this.cache = CuratorCache.build(client, basePath);
    }

    static Membership start(CuratorFramework client, String basePath, Duration timeout) throws IOException {
        Membership membership = new Membership(client, basePath);
        membership.cache.listenable().addListener(membership);
        membership.cache.start();
        try {
            if (!membership.loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                membership.close();
                throw new IOException("ZooKeeper: the members under " + basePath + " were not loaded within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            membership.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading the members under " + basePath);
        }
        return membership;
    }

    Watch add(MembershipListener listener) {
        Registration registration = new Registration(listener);
        synchronized (lock) {
            registrations.add(registration);
            Map<String, URI> now = Map.copyOf(members);
            submit(() -> now.forEach((node, address) -> registration.deliver(l -> l.joined(node, address))));
        }
        return () -> {
            registration.open = false;
            synchronized (lock) {
                registrations.remove(registration);
            }
        };
    }

    void close() {
        cache.close();
        events.shutdownNow();
    }

    @Override
    public void initialized() {
        loaded.countDown();
    }

    @Override
    public void event(Type type, ChildData oldData, ChildData data) {
        ChildData subject = data != null ? data : oldData;
        String node = memberName(subject.getPath());
        if (node == null) return;
        synchronized (lock) {
            switch (type) {
                case NODE_CREATED, NODE_CHANGED -> {
                    URI address = address(data);
                    URI previous = address == null ? members.remove(node) : members.put(node, address);
                    if (previous != null && !previous.equals(address)) dispatch(l -> l.left(node));
                    if (address != null && !address.equals(previous)) dispatch(l -> l.joined(node, address));
                }
                case NODE_DELETED -> {
                    if (members.remove(node) != null) dispatch(l -> l.left(node));
                }
            }
        }
    }

    /** The node name of a direct child of the base path, else null. */
    private String memberName(String path) {
        if (!path.startsWith(basePath + "/")) return null;
        String name = path.substring(basePath.length() + 1);
        return name.isEmpty() || name.contains("/") ? null : name;
    }

    private static URI address(ChildData data) {
        try {
            return new URI(new String(data.getData(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            log.warn("ignoring znode {}: its data is not an address URI", data.getPath());
            return null;
        }
    }

    private void dispatch(Consumer<MembershipListener> event) {
        List<Registration> now = List.copyOf(registrations);
        submit(() -> now.forEach(registration -> registration.deliver(event)));
    }

    private void submit(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private static final class Registration {
        final MembershipListener listener;
        volatile boolean open = true;

        Registration(MembershipListener listener) {
            this.listener = listener;
        }

        void deliver(Consumer<MembershipListener> event) {
            if (!open) return;
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("a membership listener failed", e);
            }
        }
    }
}
