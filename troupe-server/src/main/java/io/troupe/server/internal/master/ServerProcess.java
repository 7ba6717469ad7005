package io.troupe.server.internal.master;

import io.troupe.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One server's JVM, watched: when it exits while not being stopped, it is restarted after a
 * {@link Backoff} if its {@code auto-restart} is true, else reported down. Thread-safe.
 */
final class ServerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private final ServerConfig config;
    private final Launch launch;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final ReentrantLock lock = new ReentrantLock();
    private Process process;
    private long launchedAt;
    private int restarts;
    private int failuresInARow;
    private String state = "new";
    private boolean stopping;

    ServerProcess(ServerConfig config, Launch launch, Backoff backoff, ScheduledExecutorService timer) {
        this.config = config;
        this.launch = launch;
        this.backoff = backoff;
        this.timer = timer;
    }

    ServerConfig config() {
        return config;
    }

    /** Starts the JVM (unless stopping). Failing to start it counts as an exit. */
    void launch() {
        lock.lock();
        try {
            if (stopping) return;
            Files.createDirectories(launch.logFile(config).getParent());
            ProcessBuilder builder = new ProcessBuilder(launch.command(config)).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(launch.logFile(config).toFile())).redirectInput(Redirect.PIPE);
            if (launch.cookie() != null) builder.environment().put(ServerMain.COOKIE_ENV, launch.cookie());
            process = builder.start();
            process.getOutputStream().close(); // nothing to read on stdin
            launchedAt = System.nanoTime();
            state = "starting";
            LOG.info("server {} launched: pid {}, output in {}", config.id(), process.pid(), launch.logFile(config));
            Process watched = process;
            watched.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            LOG.error("server {} could not be launched: {}", config.id(), e.toString());
            state = "down";
            scheduleRestart();
        } finally {
            lock.unlock();
        }
    }

    private void exited(Process exited) {
        lock.lock();
        try {
            if (exited != process) return;
            if (stopping) {
                state = "stopped";
                return;
            }
            LOG.warn("server {} (pid {}) exited with code {}", config.id(), exited.pid(), exited.exitValue());
            if (System.nanoTime() - launchedAt >= backoff.stable().toNanos()) failuresInARow = 0;
            state = "down";
            scheduleRestart();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private void scheduleRestart() {
        if (!config.autoRestart() || stopping) return;
        Duration delay = backoff.delay(++failuresInARow);
        if (delay == null) {
            LOG.error("server {} went down {} times in a row: no more restarts", config.id(), failuresInARow - 1);
            return;
        }
        state = "restarting";
        LOG.info("server {} restarts in {} ms (auto-restart)", config.id(), delay.toMillis());
        timer.schedule(() -> {
            lock.lock();
            try {
                if (stopping) return;
                restarts++;
            } finally {
                lock.unlock();
            }
            launch();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The pid of the live JVM. */
    OptionalLong pid() {
        lock.lock();
        try {
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        } finally {
            lock.unlock();
        }
    }

    /** What the master knows: new, starting (alive), down, restarting, stopped. */
    String state() {
        lock.lock();
        try {
            return process != null && process.isAlive() && !stopping ? "starting" : state;
        } finally {
            lock.unlock();
        }
    }

    int restarts() {
        lock.lock();
        try {
            return restarts;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the server as stopping: no more restarts. Returns its live JVM, if any. */
    Process beginStop() {
        lock.lock();
        try {
            stopping = true;
            if (process == null || !process.isAlive()) {
                state = "stopped";
                return null;
            }
            return process;
        } finally {
            lock.unlock();
        }
    }
}
