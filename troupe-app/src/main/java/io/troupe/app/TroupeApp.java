package io.troupe.app;

import io.troupe.TroupeRuntime;
import io.troupe.app.internal.AppRuntime;
import io.troupe.supervision.ServiceManager;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A running app: a {@link TroupeRuntime} configured by an {@link AppDescriptor}'s process host,
 * its services, and its terminal hosts. This is what {@code troupe run} does, as a library.
 *
 * <pre>{@code
 * AppDescriptor app = AppDescriptor.load(Path.of("app.yaml"), List.of());
 * try (TroupeApp running = TroupeApp.start(app)) {                 // auto_start services are up
 *     int code = running.exec(EntryId.parse("app:cli"), List.of(), Terminal.system());
 * }                                                                // services stopped, runtime closed
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   start ──► runtime (process host settings) ──► auto_start services, dependencies first
 *   exec  ──► one process at a time per terminal host, alongside the services
 *   close ──► services stopped, dependents first (each within its stop_timeout) ──► runtime.close()
 * </pre>
 *
 * <p>All methods are thread-safe. {@link #close()} is idempotent.
 */
public interface TroupeApp extends AutoCloseable {

    /**
     * Boots a runtime for {@code descriptor} and starts its {@code auto_start} services,
     * dependencies first. Returns once they have been asked to start; a service that fails to
     * start is retried with its backoff, as at any other time.
     */
    static TroupeApp start(AppDescriptor descriptor) {
        return AppRuntime.start(descriptor, null);
    }

    /**
     * Like {@link #start(AppDescriptor)}, with the app's runtime started as a node: its processes
     * can be reached from other nodes (the node's runtime settings come from the descriptor's
     * process host). Closing the app closes the node.
     *
     * @throws java.io.UncheckedIOException if the node cannot start (for example, its name is taken)
     */
    static TroupeApp start(AppDescriptor descriptor, io.troupe.node.NodeOptions node) {
        return AppRuntime.start(descriptor, java.util.Objects.requireNonNull(node, "node"));
    }

    AppDescriptor descriptor();

    TroupeRuntime runtime();

    /**
     * The services, one per {@code process.service} entry, named by entry id (e.g.
     * {@code app:relay-service}): start, stop, watch their states. A service's process is a small
     * keeper linked to the manager, which runs the entry's method in a linked process and turns the
     * manager's stop ({@code shutdown}) into a {@link io.troupe.Cancel} event, as Wippy does: the
     * method may clean up and return. A crash (an exception, or an abnormal exit signal) is retried
     * with the entry's backoff; a return ends the service ({@code EXITED}).
     */
    ServiceManager services();

    /**
     * Runs a process entry on the app's terminal host (the only {@code terminal.host} entry, or a
     * default one if there is none) and waits for it to end; see {@link #exec(EntryId, EntryId, List, Terminal)}.
     *
     * @throws IllegalArgumentException if there are several terminal hosts
     */
    int exec(EntryId process, List<String> args, Terminal terminal) throws ExecutionException, InterruptedException;

    /**
     * Runs a process entry on a terminal host, wired to {@code terminal}, and waits for it to end.
     *
     * @param process      a {@code process} entry
     * @param terminalHost a {@code terminal.host} entry
     * @param args         the arguments; empty to use the entry's own {@code args}
     * @return the process's result ({@code int} return value; 0 for {@code void})
     * @throws ExecutionException       if the process failed; the cause is its exception, or a
     *                                  {@link io.troupe.ProcessExit} if it was killed
     * @throws IllegalArgumentException if an id does not name an entry of the right kind
     * @throws IllegalStateException    if the terminal host is running another process, or the app is closed
     */
    int exec(EntryId process, EntryId terminalHost, List<String> args, Terminal terminal)
            throws ExecutionException, InterruptedException;

    /**
     * Stops the services, dependents first, each given its {@code stop_timeout}, then closes the
     * runtime. Idempotent; safe to call from a shutdown hook.
     */
    @Override
    void close();
}
