package io.troupe.app.internal;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;

/**
 * The picocli model of the {@code troupe} command, built with picocli's programmatic API (no
 * annotations, no reflection), and the values it parsed.
 */
final class CommandSpecs {
    private final OptionSpec exec = OptionSpec.builder("-x", "--exec").paramLabel("ENTRY").type(String.class)
            .description("Also run this process entry on the terminal host, wired to stdin and stdout, and exit "
                    + "with its result. ENTRY is ns:name, name, or host/entry as in Wippy (app:terminal/app:cli).")
            .build();
    private final OptionSpec host = OptionSpec.builder("--host").paramLabel("HOST").type(String.class)
            .description("The terminal.host entry for -x, when the descriptor has several.")
            .build();
    private final OptionSpec override = OptionSpec.builder("-o", "--override").paramLabel("NS:ENTRY.FIELD=VALUE")
            .type(List.class).auxiliaryTypes(String.class)
            .description("Override a descriptor field before it is checked, e.g. "
                    + "-o app:relay-service.lifecycle.auto_start=false. Repeatable. The value is read as YAML.")
            .build();
    private final OptionSpec verbose = OptionSpec.builder("-v", "--verbose").arity("0").type(boolean.class)
            .description("Debug logs on stderr, also while a -x process runs.")
            .build();
    private final OptionSpec silent = OptionSpec.builder("-s", "--silent").arity("0").type(boolean.class)
            .description("No logs.")
            .build();
    private final OptionSpec node = OptionSpec.builder("--node").paramLabel("NAME[@HOST]").type(String.class)
            .description("Run the app as a node with this name, reachable from other nodes (same host: found "
                    + "with no setup). Without @HOST the host name is this machine's.")
            .build();
    private final OptionSpec cookie = OptionSpec.builder("--cookie").paramLabel("SECRET").type(String.class)
            .description("The node's shared secret (default: ~/.troupe.cookie, created on first use).")
            .build();
    private final PositionalParamSpec file = PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("FILE")
            .type(String.class).description("The app descriptor (YAML).")
            .build();
    private final PositionalParamSpec args = PositionalParamSpec.builder().index("1..*").arity("0..*")
            .paramLabel("ARGS").type(List.class).auxiliaryTypes(String.class)
            .description("Arguments for the -x process (put them after --); default: the entry's args.")
            .build();

    CommandLine commandLine() {
        CommandSpec run = CommandSpec.create().name("run").mixinStandardHelpOptions(true);
        run.usageMessage().description(
                "Boot an app from its descriptor, start its auto_start services and run until Ctrl-C "
                        + "(which stops the services, dependents first). With -x, also run a process on the "
                        + "terminal host and exit with its result.",
                "Exit codes: the -x process's result; 1 if it failed; 2 for a bad command line or descriptor.");
        for (OptionSpec option : List.of(exec, host, override, verbose, silent, node, cookie)) run.addOption(option);
        run.addPositional(file);
        run.addPositional(args);

        CommandSpec troupe = CommandSpec.create().name("troupe").mixinStandardHelpOptions(true)
                .version("troupe " + version());
        troupe.usageMessage().description("Troupe: Erlang-style processes on virtual threads.");
        troupe.addSubcommand("run", run);
        return new CommandLine(troupe);
    }

    /** The parsed {@code run} options; valid after a successful parse. */
    RunOptions runOptions() {
        return new RunOptions(file.getValue(), exec.getValue(), host.getValue(), list(override), list(args),
                Boolean.TRUE.equals(verbose.getValue()), Boolean.TRUE.equals(silent.getValue()),
                node.getValue(), cookie.getValue());
    }

    private static List<String> list(ArgSpec spec) {
        List<String> values = spec.getValue();
        return values == null ? List.of() : values;
    }

    private static String version() {
        String version = CommandSpecs.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
