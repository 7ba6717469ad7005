package io.troupe.zookeeper;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link ZooKeeperDiscovery} connects. Start from {@link #connectTo(String)}.
 *
 * @param connectString  ZooKeeper's {@code host:port[,host:port...][/chroot]}
 * @param basePath       the znode under which each node has one ephemeral child named after it;
 *                       nodes that should find each other use the same path
 * @param sessionTimeout how long ZooKeeper keeps this client's session (and so its publications)
 *                       after it stops hearing from it; the server may bound it (by default to
 *                       2 to 20 ticks)
 * @param connectTimeout bound on connecting at start, and on each attempt of an operation to get a
 *                       connection; an operation makes at most 3 attempts
 */
public record ZooKeeperOptions(String connectString, String basePath, Duration sessionTimeout, Duration connectTimeout) {
    /** The default base path. */
    public static final String DEFAULT_BASE_PATH = "/troupe/nodes";

    public ZooKeeperOptions {
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectString.isBlank()) throw new IllegalArgumentException("empty connectString");
        if (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("//")) {
            throw new IllegalArgumentException("basePath must be an absolute znode path other than /, without a trailing /: "
                    + basePath);
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero() || sessionTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sessionTimeout out of range: " + sessionTimeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout out of range: " + connectTimeout);
        }
    }

    /** {@code connectString} with base path {@value #DEFAULT_BASE_PATH}, a 15 s session and a 10 s connect timeout. */
    public static ZooKeeperOptions connectTo(String connectString) {
        return new ZooKeeperOptions(connectString, DEFAULT_BASE_PATH, Duration.ofSeconds(15), Duration.ofSeconds(10));
    }

    public ZooKeeperOptions withBasePath(String path) {
        return new ZooKeeperOptions(connectString, path, sessionTimeout, connectTimeout);
    }

    public ZooKeeperOptions withSessionTimeout(Duration timeout) {
        return new ZooKeeperOptions(connectString, basePath, timeout, connectTimeout);
    }

    public ZooKeeperOptions withConnectTimeout(Duration timeout) {
        return new ZooKeeperOptions(connectString, basePath, sessionTimeout, timeout);
    }
}
