package io.troupe;

/**
 * A request to stop gracefully, sent by {@link Troupe#cancel(Pid)}. It is a lifecycle event
 * ({@link Troupe#events()}): the process may clean up and return, which is a normal exit. Unlike
 * {@link Troupe#terminate(Pid)} it cannot end a process that ignores it.
 *
 * @param from who asked
 */
public record Cancel(Pid from) {
}
