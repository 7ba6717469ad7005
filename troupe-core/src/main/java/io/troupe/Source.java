package io.troupe;

import java.time.Duration;

/**
 * The receiving side of a channel: a {@link Channel}, a timer's channel, or a view of the calling
 * process's mailbox ({@link Troupe#inbox()}, {@link Troupe#events()}, {@link Troupe#listen}).
 *
 * @param <T> the type of values received
 */
public interface Source<T> {

    /**
     * Takes the next value, waiting as long as it takes.
     *
     * @return the value, or {@code null} once the source is closed and drained
     */
    T receive();

    /**
     * Takes the next value, waiting at most {@code timeout}.
     *
     * @return the value, or {@code null} on timeout or once the source is closed and drained
     */
    T receive(Duration timeout);

    /** Takes the next value if one is ready, without waiting; {@code null} otherwise. */
    T tryReceive();

    /** A {@link Select} case that receives from this source. */
    SelectCase<T> onReceive();
}
