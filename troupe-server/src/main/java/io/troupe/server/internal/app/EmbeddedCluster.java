package io.troupe.server.internal.app;

import io.troupe.node.spi.Discovery;
import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;
import io.troupe.server.config.ServerConfig;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every server of an app in this JVM (the embedded default): one node per server, found through
 * an in-memory discovery, with a random cookie. Backends start first, so that a frontend accepts
 * clients only when the servers it forwards to are up; start returns once every server knows
 * every other.
 */
final class EmbeddedCluster implements ServerApp.Cluster {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private final List<ServerImpl> servers;
    private final Discovery discovery;

    private EmbeddedCluster(List<ServerImpl> servers, Discovery discovery) {
        this.servers = servers;
        this.discovery = discovery;
    }

    static EmbeddedCluster start(AppDefinition app, AppConfig config) {
        Discovery discovery = Discovery.inMemory();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String cookie = HexFormat.of().formatHex(secret);
        List<ServerConfig> order = new ArrayList<>(config.allServers().stream().filter(s -> !s.frontend()).toList());
        order.addAll(config.allServers().stream().filter(ServerConfig::frontend).toList());
        List<ServerImpl> started = new ArrayList<>();
        try {
            for (ServerConfig server : order) started.add(ServerImpl.start(app, config, server.id(), discovery, cookie));
            awaitDirectories(started);
        } catch (RuntimeException e) {
            for (ServerImpl server : started.reversed()) server.close();
            discovery.close();
            throw e;
        }
        List<ServerImpl> inFileOrder = new ArrayList<>();
        for (ServerConfig server : config.allServers()) {
            started.stream().filter(s -> s.id().equals(server.id())).findFirst().ifPresent(inFileOrder::add);
        }
        return new EmbeddedCluster(List.copyOf(inFileOrder), discovery);
    }

    /** Waits (bounded) until every server's directory lists every server. */
    private static void awaitDirectories(List<ServerImpl> servers) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (ServerImpl server : servers) {
            for (ServerImpl other : servers) {
                while (server.rpc().lookup(other.id()).isEmpty()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("server " + server.id() + " did not learn of " + other.id() + " within " + READY_TIMEOUT);
                    }
                    if (!server.node().nodes().contains(other.node().node())) server.node().ping(other.node().node());
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
            }
        }
    }

    @Override
    public List<ServerApp.RunningServer> servers() {
        return List.copyOf(servers);
    }

    @Override
    public Optional<ServerApp.RunningServer> server(String id) {
        return servers.stream().filter(s -> s.id().equals(id)).map(s -> (ServerApp.RunningServer) s).findFirst();
    }

    @Override
    public void close() {
        List<ServerImpl> order = new ArrayList<>(servers.stream().filter(s -> s.info().frontend()).toList());
        order.addAll(servers.stream().filter(s -> !s.info().frontend()).toList());
        for (ServerImpl server : order) server.close();
        discovery.close();
    }
}
