package io.troupe.server;

/**
 * Turns a handler's exception into the response the client gets (pinus's {@code errorHandler}).
 * The default answers {@code {"code": 500, "message": <the exception's message>}}.
 */
@FunctionalInterface
public interface ErrorHandler {

    /** Returns the response for {@code request}, which failed with {@code error}. */
    Object handle(Throwable error, Request request);
}
