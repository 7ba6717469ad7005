package io.troupe;

/**
 * One case of a {@link Select}: a receive from a {@link Source} or a send to a {@link Channel}.
 * Made by {@link Source#onReceive()} and {@link Channel#onSend(Object)}; only Troupe implements it.
 *
 * @param <T> the type of value the case moves
 */
public interface SelectCase<T> {
    /** The channel or source this case acts on. */
    Object source();

    /** Whether this case sends (otherwise it receives). */
    boolean isSend();
}
