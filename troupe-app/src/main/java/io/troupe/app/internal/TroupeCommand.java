package io.troupe.app.internal;

import io.troupe.ProcessExit;
import io.troupe.app.AppDescriptor;
import io.troupe.app.DescriptorException;
import io.troupe.app.Terminal;
import io.troupe.app.TroupeApp;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * The {@code troupe} command (see {@link io.troupe.app.Main}): parses the command line with
 * {@link CommandSpecs}, loads and checks the descriptor, sets up logging, boots the app, and either
 * runs a process on the terminal host ({@code -x}) or waits for Ctrl-C.
 */
public final class TroupeCommand {
    static final int USAGE = 2;
    static final int FAILED = 1;

    private TroupeCommand() {
    }

    public static int run(String[] args) {
        return execute(args, Terminal.system(), System.out, System.err);
    }

    /**
     * Runs the command with the given console. Returns the exit code, except that {@code run}
     * without {@code -x} waits until the JVM shuts down.
     */
    public static int execute(String[] args, Terminal terminal, PrintStream out, PrintStream err) {
        CommandSpecs specs = new CommandSpecs();
        CommandLine commandLine = specs.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("troupe: " + e.getMessage());
            e.getCommandLine().usage(err);
            return USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) return 0;
        if (!parsed.hasSubcommand()) {
            commandLine.usage(err);
            return USAGE;
        }
        RunOptions options = specs.runOptions();

        AppDescriptor descriptor;
        try {
            descriptor = AppDescriptor.load(Path.of(options.file()), options.overrides());
        } catch (DescriptorException e) {
            err.println("troupe: invalid app descriptor (" + plural(e.problems().size(), "problem") + "):");
            e.problems().forEach(problem -> err.println("  " + problem));
            return USAGE;
        }
        ExecTarget target;
        try {
            target = options.exec() == null ? null : ExecTarget.resolve(descriptor, options.exec(), options.host());
        } catch (IllegalArgumentException e) {
            err.println("troupe: " + e.getMessage());
            return USAGE;
        }
        Logging.configure(options, target);

        TroupeApp app;
        try {
            app = options.node() == null ? TroupeApp.start(descriptor) : TroupeApp.start(descriptor, nodeOptions(options));
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            err.println("troupe: " + e.getMessage());
            return USAGE;
        }
        Thread hook = new Thread(app::close, "troupe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (target == null) {
            awaitShutdown();
            return 0;
        }
        int code = exec(app, target, options.args(), terminal, err);
        app.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; app.close() is idempotent
        }
        return code;
    }

    private static io.troupe.node.NodeOptions nodeOptions(RunOptions options) {
        io.troupe.node.NodeOptions node = io.troupe.node.NodeOptions.named(options.node());
        return options.cookie() == null ? node : node.withCookie(options.cookie());
    }

    private static int exec(TroupeApp app, ExecTarget target, List<String> args, Terminal terminal, PrintStream err) {
        try {
            return app.exec(target.process(), target.host(), args, terminal);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            err.println("troupe: " + target.process() + (cause instanceof ProcessExit exit
                    ? " was stopped: " + exit.reason() : " failed: " + cause));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook closes the app, then the JVM ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
