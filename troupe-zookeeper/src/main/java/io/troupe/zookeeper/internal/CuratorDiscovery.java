package io.troupe.zookeeper.internal;

import io.troupe.node.spi.NameInUseException;
import io.troupe.zookeeper.ZooKeeperDiscovery;
import io.troupe.zookeeper.ZooKeeperOptions;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.common.PathUtils;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link ZooKeeperDiscovery} on a Curator client of its own; see the interface for the contract. */
public final class CuratorDiscovery implements ZooKeeperDiscovery {
    private static final Logger log = LoggerFactory.getLogger(CuratorDiscovery.class);
    private static final int ATTEMPTS = 3;

    private final ZooKeeperOptions options;
    private final CuratorFramework client;
    /** Names published through this instance; changed, and their znodes created or deleted, under {@code lock}. */
    private final Map<String, URI> held = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** Publishes names again after a session loss; one thread, so attempts never overlap. */
    private final ExecutorService republisher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("troupe-zookeeper-republish").factory());
    private Membership membership; // guarded by lock, started by the first watch
    private volatile boolean closed;

    private CuratorDiscovery(ZooKeeperOptions options, CuratorFramework client) {
        this.options = options;
        this.client = client;
    }

    /** See {@link ZooKeeperDiscovery#connect(ZooKeeperOptions)}. */
    public static ZooKeeperDiscovery connect(ZooKeeperOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(options.connectString())
                .sessionTimeoutMs((int) options.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) options.connectTimeout().toMillis())
                .retryPolicy(new RetryNTimes(ATTEMPTS - 1, 100))
                .build();
        client.start();
        try {
            if (!client.blockUntilConnected((int) options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                client.close();
                throw new IOException("ZooKeeper at " + options.connectString() + " is unreachable: no connection within "
                        + options.connectTimeout().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to ZooKeeper at " + options.connectString());
        }
        CuratorDiscovery discovery = new CuratorDiscovery(options, client);
        client.getConnectionStateListenable().addListener((c, state) -> {
            if (state == ConnectionState.RECONNECTED) discovery.republishAll();
        });
        return discovery;
    }

    @Override
    public void publish(String node, URI address) throws IOException {
        Objects.requireNonNull(address, "address");
        String path = path(node);
        synchronized (lock) {
            ensureOpen();
            if (held.containsKey(node)) throw new NameInUseException(node, "published through this instance already");
            try {
                create(path, address);
            } catch (KeeperException.NodeExistsException e) {
                throw new NameInUseException(node, "znode " + path + " exists (a live ZooKeeper session holds it)");
            } catch (Exception e) {
                throw failure("publishing " + node, e);
            }
            held.put(node, address);
        }
    }

    @Override
    public Optional<URI> lookup(String node) throws IOException {
        String path = path(node);
        ensureOpen();
        sync();
        return read(node, path);
    }

    @Override
    public Map<String, URI> list() throws IOException {
        ensureOpen();
        sync();
        List<String> children;
        try {
            children = client.getChildren().forPath(options.basePath());
        } catch (KeeperException.NoNodeException e) {
            return Map.of();
        } catch (Exception e) {
            throw failure("listing " + options.basePath(), e);
        }
        Map<String, URI> all = new LinkedHashMap<>();
        for (String node : children) {
            read(node, options.basePath() + "/" + node).ifPresent(address -> all.put(node, address));
        }
        return all;
    }

    @Override
    public void withdraw(String node) throws IOException {
        String path = path(node);
        synchronized (lock) {
            if (closed || held.remove(node) == null) return;
            try {
                Stat stat = client.checkExists().forPath(path);
                if (stat != null && stat.getEphemeralOwner() == sessionId()) {
                    client.delete().withVersion(stat.getVersion()).forPath(path);
                }
            } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
                // gone already, or no longer ours
            } catch (Exception e) {
                throw failure("withdrawing " + node, e);
            }
        }
    }

    @Override
    public Watch watch(MembershipListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            ensureOpen();
            if (membership == null) membership = Membership.start(client, options.basePath(), options.connectTimeout());
            return membership.add(listener);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            held.clear();
            if (membership != null) membership.close();
        }
        republisher.shutdownNow();
        client.close(); // ends the session: ZooKeeper deletes its ephemeral znodes
    }

    /** For tests: the Curator client. */
    CuratorFramework client() {
        return client;
    }

    private void create(String path, URI address) throws Exception {
        client.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, bytes(address));
    }

    private Optional<URI> read(String node, String path) throws IOException {
        byte[] data;
        try {
            data = client.getData().forPath(path);
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (Exception e) {
            throw failure("looking up " + node, e);
        }
        try {
            return Optional.of(new URI(new String(data, StandardCharsets.UTF_8)));
        } catch (Exception e) {
            log.warn("ignoring znode {}: its data is not an address URI", path);
            return Optional.empty();
        }
    }

    /** Makes the next read see every write the ensemble's leader had committed when it was called. */
    private void sync() throws IOException {
        CompletableFuture<KeeperException.Code> done = new CompletableFuture<>();
        try {
            client.sync().inBackground((c, event) -> done.complete(KeeperException.Code.get(event.getResultCode())))
                    .forPath(options.basePath());
            KeeperException.Code code = done.get(ATTEMPTS * options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (code != KeeperException.Code.OK && code != KeeperException.Code.NONODE) throw KeeperException.create(code);
        } catch (ExecutionException e) {
            throw failure("sync", e);
        } catch (TimeoutException e) {
            throw new IOException("ZooKeeper at " + options.connectString() + ": sync got no answer within "
                    + ATTEMPTS * options.connectTimeout().toMillis() + " ms", e);
        } catch (Exception e) {
            throw failure("sync", e);
        }
    }

    private void republishAll() {
        if (closed) return;
        try {
            for (String node : List.copyOf(held.keySet())) republisher.execute(() -> republish(node));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /**
     * After a reconnection: nothing to do if this session owns the znode; create it if it is gone;
     * wait for its deletion if it is the previous session's (same address); else another node has
     * taken the name, which this instance then gives up.
     */
    private void republish(String node) {
        String path = path(node);
        synchronized (lock) {
            URI address = held.get(node);
            if (closed || address == null) return;
            try {
                Stat stat = client.checkExists().forPath(path);
                if (stat == null) {
                    create(path, address);
                    log.info("published {} again on a new ZooKeeper session", node);
                } else if (stat.getEphemeralOwner() != sessionId()) {
                    if (Arrays.equals(client.getData().forPath(path), bytes(address))) {
                        CuratorWatcher retry = event -> republishLater(node);
                        if (client.checkExists().usingWatcher(retry).forPath(path) == null) republishLater(node);
                    } else {
                        held.remove(node);
                        log.warn("node name {} was published by another node while this instance's ZooKeeper session "
                                + "was lost; this instance no longer publishes it", node);
                    }
                }
            } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException e) {
                republishLater(node); // raced with another change; look again
            } catch (Exception e) {
                log.warn("could not publish {} again after a ZooKeeper reconnection (next reconnection retries): {}", node,
                        e.toString());
            }
        }
    }

    private void republishLater(String node) {
        if (closed) return;
        try {
            republisher.execute(() -> republish(node));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private long sessionId() throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }

    private String path(String node) {
        Objects.requireNonNull(node, "node");
        if (node.isEmpty() || node.contains("/") || node.equals(".") || node.equals("..")) {
            throw new IllegalArgumentException("not a node name usable as a znode name: \"" + node + "\"");
        }
        String path = options.basePath() + "/" + node;
        PathUtils.validatePath(path);
        return path;
    }

    private static byte[] bytes(URI address) {
        return address.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("this ZooKeeper discovery is closed");
    }

    private IOException failure(String what, Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new InterruptedIOException(what + " was interrupted");
        }
        return new IOException("ZooKeeper at " + options.connectString() + ": " + what + " failed: " + cause, cause);
    }
}
