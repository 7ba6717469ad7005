package io.troupe.server.cli;

import io.troupe.node.spi.Discovery;
import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;
import io.troupe.server.config.ConfigException;
import io.troupe.server.config.ServerConfig;
import io.troupe.server.internal.master.AppHome;
import io.troupe.server.internal.master.ControlEndpoint;
import io.troupe.server.internal.master.EmbeddedServers;
import io.troupe.server.internal.master.Launch;
import io.troupe.server.internal.master.ManagedServers;
import io.troupe.server.internal.master.Rows;
import io.troupe.server.internal.master.ServerProcesses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code troupe start}: runs the app and its master until {@code troupe stop} or Ctrl-C. The
 * master is a node on {@code master.json}'s host and port serving {@code master.list} and
 * {@code master.stop}; the servers run in this JVM (default) or one JVM each
 * ({@code --jvm-per-server}), launched, watched and restarted by this JVM.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the app's servers and its master, print them when ready, and run until `troupe stop` or Ctrl-C.",
                "By default every server runs in this JVM; with --jvm-per-server each runs in its own JVM, launched and watched by "
                        + "this one (the master), restarted when its auto-restart is true."})
final class StartCommand implements Callable<Integer> {
    /** How long start waits for server JVMs to serve before printing what it has. */
    static final Duration READY = Duration.ofSeconds(60);

    @Mixin
    AppOptions app;

    @Option(names = "--jvm-per-server", description = "one JVM per server, launched and watched by this JVM (the master)")
    boolean jvmPerServer;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "a JVM option for every server JVM (repeatable), before the server's own args from servers.json")
    List<String> jvmOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long begin = System.nanoTime();
        AppHome home;
        AppConfig config;
        ServerApp serverApp;
        try {
            home = AppHome.open(app.dir, app.environment);
            config = home.config(app.environment);
            serverApp = home.app();
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("troupe: " + e.getMessage());
            return Main.USAGE;
        }
        ControlEndpoint endpoint;
        Path discoveryDir = jvmPerServer ? Files.createTempDirectory("troupe-nodes-") : null;
        try {
            endpoint = ControlEndpoint.start(config.master(), jvmPerServer ? Discovery.sameHost(discoveryDir) : Discovery.inMemory(), app.cookie);
        } catch (IOException e) {
            err.println("troupe: the master cannot listen on " + config.master().host() + ":" + config.master().port()
                    + " (is the app already running?): " + e.getMessage());
            return Main.FAILED;
        }
        ManagedServers servers;
        try {
            servers = jvmPerServer
                    ? ServerProcesses.start(config, Launch.likeThisJvm(home, app.environment, discoveryDir, app.cookie, jvmOptions), endpoint.node(), endpoint.discovery(), READY)
                    : EmbeddedServers.start(serverApp, config);
        } catch (RuntimeException e) {
            endpoint.close();
            err.println("troupe: the app could not start: " + e.getMessage());
            return Main.FAILED;
        }
        endpoint.serve(servers);
        Thread hook = new Thread(() -> {
            endpoint.stop();
            endpoint.close();
        }, "troupe-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        printReady(out, config, servers.list(), begin, home);
        endpoint.awaitStopped();
        endpoint.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs: it stops and closes the same, idempotently
        }
        if (discoveryDir != null) deleteQuietly(discoveryDir);
        out.println("troupe: stopped");
        out.flush();
        return 0;
    }

    private void printReady(PrintWriter out, AppConfig config, List<Map<String, Object>> rows, long begin, AppHome home) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("ID", "TYPE", "PID", "HOST", "PORT", "CLIENT-PORT", "STATE"));
        for (Map<String, Object> row : rows) {
            ServerConfig server = config.server((String) row.get(Rows.ID)).orElseThrow();
            Object clientPort = row.get(Rows.CLIENT_PORT);
            lines.add(List.of(server.id(), server.serverType(), Table.text(row.get(Rows.PID)), server.host(),
                    server.port().isPresent() ? Integer.toString(server.port().getAsInt()) : "-",
                    clientPort instanceof Number n && n.intValue() > 0 ? n.toString() : "-", Table.text(row.get(Rows.STATE))));
        }
        out.printf("troupe: app %s (%s) started in %d ms, %s; master %s on %s:%d%n", home.appClass(), config.environment(),
                (System.nanoTime() - begin) / 1_000_000, jvmPerServer ? "one JVM per server (logs in " + home.logDir() + ")" : "in this JVM",
                config.master().id(), config.master().host(), config.master().port());
        out.print(Table.align(lines));
        out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }
}
