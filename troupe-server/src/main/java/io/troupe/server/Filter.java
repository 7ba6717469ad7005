package io.troupe.server;

/**
 * Runs around the handlers of a server (pinus's {@code app.before/after/filter}).
 *
 * <p>{@link #before} runs before the handler, in registration order; returning a non-null
 * response short-circuits: the handler does not run and the client gets that response (the after
 * filters still run). {@link #after} runs after the response is chosen, in registration order; it
 * cannot change the response. Both run in the request's process, so they may block briefly; an
 * exception from {@code before} is handled like a handler's.
 */
public interface Filter {

    /** @return {@code null} to go on, or the response to send instead of running the handler */
    default Object before(Request request) throws Exception {
        return null;
    }

    /** @param error the handler's exception, or {@code null} */
    default void after(Request request, Object response, Throwable error) {
    }
}
