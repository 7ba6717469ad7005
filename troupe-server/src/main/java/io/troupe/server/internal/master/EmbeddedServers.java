package io.troupe.server.internal.master;

import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;
import io.troupe.server.config.ServerConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Every server of the app in this JVM ({@link ServerApp#start}): the embedded default. */
public final class EmbeddedServers implements ManagedServers {
    private final AppConfig config;
    private final ServerApp.Cluster cluster;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean stopped;

    private EmbeddedServers(AppConfig config, ServerApp.Cluster cluster) {
        this.config = config;
        this.cluster = cluster;
    }

    /** Starts the app's servers; returns once each knows every other. */
    public static EmbeddedServers start(ServerApp app, AppConfig config) {
        return new EmbeddedServers(config, app.start(config));
    }

    /** The running servers. */
    public List<ServerApp.RunningServer> servers() {
        return cluster.servers();
    }

    @Override
    public List<Map<String, Object>> list() {
        Map<String, String> states = new HashMap<>();
        boolean running = isRunning();
        for (ServerConfig server : config.allServers()) states.put(server.id(), running ? Rows.UP : "stopped");
        List<ServerApp.RunningServer> servers = cluster.servers();
        if (servers.isEmpty()) return List.of();
        // every server's own RPC layer reaches every server of the cluster (same in-memory discovery and cookie)
        return Rows.of(servers.getFirst().server().rpc(), config.allServers(), states, Map.of());
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (stopped) return;
            stopped = true;
            cluster.close(); // frontends first
        } finally {
            lock.unlock();
        }
    }

    private boolean isRunning() {
        lock.lock();
        try {
            return !stopped;
        } finally {
            lock.unlock();
        }
    }
}
