package io.troupe;

/**
 * The body of a handler process: a process without a thread of its own, called once per message.
 *
 * <p>A handler process has the same identity, mailbox, links, monitors, names and exit semantics
 * as a threaded process (one spawned with a {@link Runnable}); what differs is how it waits. A
 * threaded process blocks in {@code receive()} on its own virtual thread. A handler process does not
 * wait at all: when messages arrive the runtime's scheduler drains its mailbox in batches, calling
 * {@link #handle(Object)} for each, on a shared worker thread. An idle handler process costs a
 * few hundred bytes and no thread, and a message between two handler processes costs no thread
 * wake-up, which makes them the fast path (the model of Erlang's {@code gen_server} and of
 * Pekko's actors).
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   spawn ──► init() ──► handle(m1) ──► handle(m2) ──► ... ──► exit
 *                  (one call at a time, in mailbox order)
 *   exit: Troupe.exit(reason) or an exception thrown from init/handle ⇒ abnormal exit with that
 *         reason; an exit signal from a link or exit(pid, reason); runtime shutdown.
 * </pre>
 *
 * <h2>Threading and memory</h2>
 * Calls to {@code init} and {@code handle} never overlap, and each call happens-before the next,
 * so a handler's fields need no locks or {@code volatile}. Consecutive calls may run on different
 * threads. A handler must not block for long: it occupies one of the scheduler's few workers while
 * it runs. Blocking work belongs in a threaded process. {@code Troupe.receive()} is not available
 * inside a handler (it throws {@link IllegalStateException}); {@code Troupe.self()},
 * {@code send}, {@code spawn}, {@code link}, {@code monitor}, {@code trapExit} and the rest are.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one message.
     *
     * @param message the oldest message in the mailbox, never {@code null}; trapped exit signals
     *                arrive as {@link Exit}, monitor notices as {@link Down}
     * @throws Exception any exception ends the process abnormally with {@link ExitReason.Failure}
     */
    void handle(Object message) throws Exception;

    /**
     * Called once in the new process before the first message. The default does nothing.
     *
     * @throws Exception ends the process abnormally
     */
    default void init() throws Exception {
    }
}
