package io.troupe.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code troupe start|list|stop} command of an app server (pinus's {@code pinus start},
 * {@code list}, {@code stop}); {@code ./troupe start ...} runs it.
 * <pre>
 * troupe start [-e ENV] [-d DIR] [--jvm-per-server] [--jvm-option OPTION]... [--cookie SECRET]
 * troupe list  [-e ENV] [-d DIR | --master [ID@]HOST:PORT] [--cookie SECRET]
 * troupe stop  [-e ENV] [-d DIR | --master [ID@]HOST:PORT] [--cookie SECRET]
 * </pre>
 * {@code DIR} holds {@code app.properties} ({@code app=<class with public static ServerApp app()>})
 * and {@code config/servers.json}, {@code config/master.json}; see
 * {@link io.troupe.server.internal.master.AppHome}. Output goes to stdout, logs to stderr.
 * Exit codes: 0 done ({@code start}: after the app stopped); 1 failed (no app running, the app
 * could not start or stop); 2 bad command line, app directory or configuration.
 */
@Command(name = "troupe", mixinStandardHelpOptions = true, subcommands = {StartCommand.class, ListCommand.class, StopCommand.class},
        description = "Run a Troupe app server (servers.json and master.json, as pinus does): start, list, stop.")
public final class Main {
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The log level property of {@code troupe-server-logback.xml}. */
    static final String LEVEL_PROPERTY = "troupe.log.level";
    static final String LOGBACK_CONFIG = "logback.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the command with the given console and returns its exit code ({@code start} returns
     * once the app has stopped). Sets up logging first, unless logging is already configured.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        configureLogging(args.length > 0 && args[0].equals("start"));
        CommandLine commandLine = new CommandLine(Main.class);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("troupe: " + line.getCommandName() + " failed: " + e);
            return FAILED;
        });
        commandLine.setExitCodeExceptionMapper(e -> USAGE);
        if (args.length == 0) {
            commandLine.usage(commandLine.getErr());
            return USAGE;
        }
        return commandLine.execute(args);
    }

    private static void configureLogging(boolean start) {
        if (System.getProperty(LEVEL_PROPERTY) == null) System.setProperty(LEVEL_PROPERTY, start ? "INFO" : "WARN");
        if (System.getProperty(LOGBACK_CONFIG) == null) System.setProperty(LOGBACK_CONFIG, "troupe-server-logback.xml");
    }
}
