package io.troupe.bench.broadcast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server under test running as a separate process tree (pinus's master starts its servers as
 * children). Its output goes to a log file. CPU and memory figures cover every process of the tree.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Set<Long> pids = new LinkedHashSet<>();
    private boolean closed;

    private ServerProcess(Process process) {
        this.process = process;
        pids.add(process.pid());
    }

    /**
     * Starts {@code command}, prefixed by {@code prefix} (e.g. {@code taskset -c 0}), and waits
     * until its output matches the ready pattern and its port accepts connections.
     */
    static ServerProcess start(ServerCommand command, List<String> prefix, Path log, long timeoutMillis)
            throws IOException, TimeoutException {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(command.argv());
        Process process = new ProcessBuilder(argv).directory(command.dir().toFile()).redirectErrorStream(true).start();
        ServerProcess server = new ServerProcess(process);
        // Stops the server also when the driver is terminated (bench/run's time limit sends SIGTERM).
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-server"));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Files.createDirectories(log.getParent());
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true);
        out.println("# " + String.join(" ", argv));
        Thread.ofPlatform().daemon().name("server-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.println(line);
                    if (!ready.isDone() && command.ready().matcher(line).matches()) ready.complete(null);
                }
            } catch (IOException e) {
                // the process has gone
            } finally {
                out.close();
                ready.completeExceptionally(new IOException("server exited before it was ready; see " + log));
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            ready.get(timeoutMillis, TimeUnit.MILLISECONDS);
            awaitPort(command.port(), deadline);
        } catch (Exception e) {
            server.close();
            if (e instanceof TimeoutException t) throw t;
            throw new IOException("server did not start: " + e.getMessage() + " (log " + log + ")", e);
        }
        server.refreshPids();
        return server;
    }

    private static void awaitPort(int port, long deadline) throws TimeoutException {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) break;
                Deadlines.pause(50);
            }
        }
        throw new TimeoutException("port " + port + " does not accept connections");
    }

    /** The tree's processes seen so far (the root and every descendant since). */
    List<Long> pids() {
        refreshPids();
        return List.copyOf(pids);
    }

    private void refreshPids() {
        process.toHandle().descendants().forEach(h -> pids.add(h.pid()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the descendants, then the root; forcibly after 5 s each. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return; // once: a later call could hit reused pids
        closed = true;
        refreshPids();
        List<ProcessHandle> handles = new ArrayList<>();
        for (Long pid : pids) ProcessHandle.of(pid).ifPresent(handles::add);
        java.util.Collections.reverse(handles);
        for (ProcessHandle h : handles) h.destroy();
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
