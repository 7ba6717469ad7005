package io.troupe.app;

import io.troupe.app.internal.TroupeCommand;

/**
 * The {@code troupe} command.
 *
 * <pre>
 * troupe run FILE [-x ENTRY] [--host HOST] [-o NS:ENTRY.FIELD=VALUE]... [-v | -s] [-- ARGS...]
 * </pre>
 *
 * <ul>
 *   <li>{@code troupe run app.yaml} boots the app, starts its {@code auto_start} services and runs
 *       until Ctrl-C, which stops the services (dependents first) and closes the runtime.</li>
 *   <li>{@code -x ENTRY} (or {@code --exec}) also runs a process entry on the terminal host,
 *       wired to stdin and stdout, and exits with its {@code int} result. Logs are off meanwhile,
 *       unless {@code -v}.</li>
 *   <li>{@code -o} overrides a descriptor field before it is checked; see {@link AppDescriptor}.</li>
 * </ul>
 *
 * <p>Logs go to stderr. Exit codes: the {@code -x} process's result; 0 after Ctrl-C; 1 if the
 * {@code -x} process failed; 2 for a bad command line or an invalid descriptor (each problem is
 * printed on stderr with the file, entry, field and reason).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TroupeCommand.run(args));
    }
}
