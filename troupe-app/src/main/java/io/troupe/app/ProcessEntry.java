package io.troupe.app;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code kind: process} entry: code that runs as a Troupe process, the counterpart of Wippy's
 * {@code process.lua}. It runs when a {@link ServiceEntry} starts it, or on a terminal host with
 * {@code troupe run app.yaml -x ns:name}.
 *
 * <pre>{@code
 * - name: cli
 *   kind: process
 *   class: io.troupe.examples.echo.EchoClient
 *   method: main                  # optional, default main
 *   args: [--color]               # optional, default args (strings)
 *   config: { timeout: 2s }       # optional, free-form settings, read with AppContext.config
 * }</pre>
 *
 * <h2>Allowed signatures</h2>
 * The method must be {@code public static} in a public class, named {@code method}, and have one of
 * these forms (checked when the descriptor is loaded):
 * <pre>
 *   int  main(AppContext ctx)      void main(AppContext ctx)
 *   int  main(String... args)      void main(String... args)       (or String[])
 *   int  main()                    void main()
 * </pre>
 * {@code Integer} may stand for {@code int} ({@code null} counts as 0). If several overloads match,
 * the first in the order above wins. The method runs inside a threaded process (its own virtual
 * thread), so it may block and use {@code Troupe.receive}, {@code Select}, coroutines and so on.
 * Returning ends the process normally; the {@code int} is the process's result, which becomes the
 * exit code of {@code troupe run -x}. Throwing ends the process abnormally (a service is then
 * restarted).
 *
 * <p>{@code args} are passed as {@code String... args} or {@link AppContext#args()}: a service's
 * {@code input} replaces them, and so do the arguments after {@code --} on the command line.
 *
 * @param id        the entry id
 * @param className the fully qualified class name ({@code class:} in YAML)
 * @param method    the method name
 * @param args      default arguments
 * @param config    free-form settings; values are the scalars' text
 */
public record ProcessEntry(EntryId id, String className, String method, List<String> args, Map<String, String> config)
        implements Entry {

    public ProcessEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
        args = List.copyOf(args);
        config = Map.copyOf(config);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS;
    }
}
