package io.troupe.server.internal.master;

import io.troupe.node.Node;
import io.troupe.node.spi.Discovery;
import io.troupe.rpc.Rpc;
import io.troupe.server.config.AppConfig;
import io.troupe.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One JVM per server, launched and watched by this master (pinus's {@code starter}): backends
 * first, then frontends, each group awaited (bounded) until its servers serve. A server that
 * exits is restarted when its {@code auto-restart} says so ({@link ServerProcess}). The master's
 * node shares the servers' discovery, so it reaches every server's {@code sys.info}.
 */
public final class ServerProcesses implements ManagedServers {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcesses.class);
    /** How long {@link #stop()} waits for a server JVM after asking it to stop, before killing it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private final AppConfig config;
    private final Node master;
    private final Discovery discovery;
    private final Rpc rpc;
    private final List<ServerProcess> processes;
    private final ScheduledExecutorService timer;
    private final ReentrantLock stopLock = new ReentrantLock();
    private boolean stopped;

    private ServerProcesses(AppConfig config, Node master, Discovery discovery, List<ServerProcess> processes, ScheduledExecutorService timer) {
        this.config = config;
        this.master = master;
        this.discovery = discovery;
        this.rpc = Rpc.of(master);
        this.processes = processes;
        this.timer = timer;
    }

    /**
     * Launches every server of {@code config} as {@code launch} says, backends first; returns when
     * all serve, or after {@code readyTimeout} (a server not up by then keeps starting: see {@link #list()}).
     * {@code discovery} is the master node's, shared with the servers.
     * @throws IllegalArgumentException if a server's host is not this machine (servers on other
     *                                  hosts are not launched by this master: see docs/server.md)
     */
    public static ServerProcesses start(AppConfig config, Launch launch, Node master, Discovery discovery, Duration readyTimeout) {
        for (ServerConfig server : config.allServers()) {
            if (!Hosts.isLocal(server.host())) {
                throw new IllegalArgumentException("server " + server.id() + " is on host " + server.host()
                        + ", not this machine: --jvm-per-server launches JVMs on this machine only");
            }
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("troupe-master-timer").factory());
        List<ServerProcess> processes = new ArrayList<>();
        for (ServerConfig server : config.allServers()) processes.add(new ServerProcess(server, launch, Backoff.DEFAULT, timer));
        ServerProcesses all = new ServerProcesses(config, master, discovery, List.copyOf(processes), timer);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        for (boolean frontends : new boolean[]{false, true}) {
            List<ServerProcess> group = processes.stream().filter(p -> p.config().frontend() == frontends).toList();
            group.forEach(ServerProcess::launch);
            all.awaitUp(group, deadline);
        }
        return all;
    }

    private void awaitUp(List<ServerProcess> group, long deadline) {
        for (ServerProcess process : group) {
            while (!isUp(process)) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.warn("server {} is not up yet (state {}); see its log", process.config().id(), process.state());
                    return;
                }
                LockSupport.parkNanos(20_000_000);
            }
        }
    }

    /** Whether the server's service is in the master's directory; connects to its node if not. */
    private boolean isUp(ServerProcess process) {
        if (process.pid().isEmpty()) return false;
        String id = process.config().id();
        if (rpc.lookup(id).isPresent()) return true;
        String node = id + "@" + process.config().host();
        if (!master.nodes().contains(node) && published(node)) master.ping(node);
        return rpc.lookup(id).isPresent();
    }

    private boolean published(String node) {
        try {
            return discovery.lookup(node).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid of each live server JVM. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (ServerProcess process : processes) process.pid().ifPresent(pid -> pids.put(process.config().id(), pid));
        return pids;
    }

    @Override
    public List<Map<String, Object>> list() {
        Map<String, String> states = new HashMap<>();
        Map<String, Integer> restarts = new HashMap<>();
        for (ServerProcess process : processes) {
            String state = process.state();
            states.put(process.config().id(), "starting".equals(state) && isUp(process) ? Rows.UP : state);
            restarts.put(process.config().id(), process.restarts());
        }
        List<Map<String, Object>> rows = Rows.of(rpc, config.allServers(), states, restarts);
        for (Map<String, Object> row : rows) {
            // the JVM's pid, also for a server that does not answer (yet)
            processes.stream().filter(p -> p.config().id().equals(row.get(Rows.ID))).findFirst()
                    .flatMap(p -> p.pid().isPresent() ? java.util.Optional.of(p.pid().getAsLong()) : java.util.Optional.empty())
                    .ifPresent(pid -> row.putIfAbsent(Rows.PID, pid));
        }
        return rows;
    }

    /** Asks the frontends' JVMs to stop (SIGTERM: their shutdown hook closes the server), then the backends'. */
    @Override
    public void stop() {
        stopLock.lock();
        try {
            if (stopped) return;
            stopped = true;
            for (boolean frontends : new boolean[]{true, false}) {
                List<Process> group = new ArrayList<>();
                for (ServerProcess process : processes) {
                    if (process.config().frontend() != frontends) continue;
                    Process jvm = process.beginStop();
                    if (jvm != null) {
                        jvm.destroy();
                        group.add(jvm);
                    }
                }
                for (Process jvm : group) awaitExit(jvm);
            }
            timer.shutdownNow();
        } finally {
            stopLock.unlock();
        }
    }

    private static void awaitExit(Process jvm) {
        try {
            if (!jvm.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("pid {} did not stop within {}: killing it", jvm.pid(), STOP_GRACE);
                jvm.destroyForcibly();
                jvm.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jvm.destroyForcibly();
        }
    }
}
