package io.troupe.zookeeper;

import io.troupe.node.spi.Discovery;

import java.io.IOException;
import java.net.URI;

/**
 * A {@link Discovery} provider backed by ZooKeeper, through Apache Curator. Nodes on any machine
 * that use the same ensemble and {@linkplain ZooKeeperOptions#basePath() base path} find each other.
 *
 * <ul>
 *   <li>{@code publish} creates the ephemeral znode {@code <basePath>/<node>} holding the address:
 *       it vanishes when this instance's ZooKeeper session ends, whether by {@code close}, by the
 *       process dying, or by the session expiring (no contact for
 *       {@linkplain ZooKeeperOptions#sessionTimeout() sessionTimeout}). After an expiry the instance
 *       publishes its names again on its new session, unless another node took a name meanwhile
 *       (then it logs a warning and gives that name up).</li>
 *   <li>{@code lookup} and {@code list} ask ZooKeeper (after a {@code sync}, so they see every
 *       publication and withdrawal made before they were called, through any server of the
 *       ensemble); they are not served from a cache. {@code withdraw} deletes the znode if this
 *       instance's session owns it.</li>
 *   <li>{@code close} closes the session, which removes this instance's znodes at once if
 *       ZooKeeper is reachable (else when the session expires).</li>
 * </ul>
 *
 * <p>Threading and failures: every method is thread-safe and blocks for network round trips,
 * each bounded by the {@linkplain ZooKeeperOptions#connectTimeout() connect timeout} (at most 3
 * attempts); ZooKeeper errors and timeouts become {@link IOException}s naming the operation.
 * Node names must be valid znode names (no {@code /}).
 */
public interface ZooKeeperDiscovery extends Discovery {

    /**
     * Connects to ZooKeeper.
     *
     * @throws IOException if no connection is made within the connect timeout (the message names
     *                     the connect string and the timeout), or if interrupted
     */
    static ZooKeeperDiscovery connect(ZooKeeperOptions options) throws IOException {
        return io.troupe.zookeeper.internal.CuratorDiscovery.connect(options);
    }

    /** {@link #connect(ZooKeeperOptions)} with {@link ZooKeeperOptions#connectTo(String)}'s defaults. */
    static ZooKeeperDiscovery connect(String connectString) throws IOException {
        return connect(ZooKeeperOptions.connectTo(connectString));
    }

    /**
     * Calls {@code listener} with {@code joined} for each node published now, then for every
     * change of membership under the base path, until the returned watch is closed or this
     * instance is. The first call starts a cache of the members (a ZooKeeper watch), loaded before
     * this method returns.
     *
     * <p>Events come on one thread of this instance, in order, never concurrently; a listener must
     * not block for long. They follow ZooKeeper's notifications, shortly after the change (unlike
     * {@code lookup}, which is exact). A listener that throws is logged and kept.
     *
     * @throws IOException if the cache cannot be loaded within the connect timeout
     */
    Watch watch(MembershipListener listener) throws IOException;

    /** Nodes joining and leaving. */
    interface MembershipListener {
        /** {@code node} published {@code address} (after a {@code left} if it changed address). */
        void joined(String node, URI address);

        /** {@code node}'s publication was withdrawn, or its session ended. */
        void left(String node);
    }

    /** A registered {@link MembershipListener}; closing it stops its events. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
