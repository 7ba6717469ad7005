package io.troupe.bench.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The launcher of the {@code troupe} target ({@link TroupeServer}).
 *
 * <p>The server must: run as its own JVM (started with {@code ctx.java()} and
 * {@code ctx.jvmFlags()}, classpath {@code ctx.lib()/*}); listen on 127.0.0.1:{@code port} and
 * speak pomelo's hybrid-connector protocol over WebSocket at path {@code /} (as pinus does);
 * serve request {@code connector.entryHandler.entry {uid, room}} by binding the session and
 * joining room {@code room}, answering {@code {"code":200}}; serve notify
 * {@code chat.chatHandler.send {msg, room}} by pushing route {@code onChat} with body
 * {@code {"msg": msg}} to every member of {@code room} (raw route or dictionary code, JSON body;
 * the client finds the payload in the push body); send heartbeats if configured (the client
 * answers them); and print a line matching {@link #READY} to stdout once it accepts clients.
 *
 * <p>While {@link #MAIN_CLASS} is null, {@link #command} returns empty and the suite skips
 * the troupe case. For experiments, {@code --troupe-main CLASS} on the driver's command line
 * supplies the class without editing this file.
 */
final class TroupeLauncher {
    /** The main class of Troupe's broadcast app server. */
    static final String MAIN_CLASS = TroupeServer.class.getName();

    static final Pattern READY = Pattern.compile("^READY\\b.*");

    private TroupeLauncher() {
    }

    /** The command line, or empty while Troupe's server is not available. */
    static Optional<ServerCommand> command(LaunchContext ctx, String mainOverride) {
        String main = mainOverride != null ? mainOverride : MAIN_CLASS;
        if (main == null) return Optional.empty();
        List<String> argv = new ArrayList<>();
        argv.add(ctx.java());
        // The suite's shared flags pin a 4 GB heap for in-process benchmarks; a server is deployed with a
        // heap sized for its job, and its resident memory per connection is one of the measured figures.
        for (String flag : ctx.jvmFlags()) {
            if (!flag.startsWith("-Xms") && !flag.startsWith("-Xmx")) argv.add(flag);
        }
        argv.addAll(List.of("-Xms64m", "-Xmx512m"));
        String extra = System.getenv("TROUPE_BENCH_SERVER_JVM"); // for experiments, e.g. GC settings
        if (extra != null && !extra.isBlank()) argv.addAll(List.of(extra.trim().split("\\s+")));
        argv.addAll(List.of("-cp", ctx.lib() + "/*", main, "--port", Integer.toString(ctx.freePort())));
        return Optional.of(new ServerCommand(argv, ctx.lib(), ctx.freePort(), READY));
    }
}
