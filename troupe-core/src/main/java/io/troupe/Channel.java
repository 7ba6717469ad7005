package io.troupe;

import io.troupe.internal.Channels;

/**
 * A typed channel between processes, coroutines or any threads, with Go's and Wippy's semantics.
 *
 * <ul>
 *   <li>An <b>unbuffered</b> channel is a rendezvous: {@code send} waits until a receiver takes
 *       the value. A <b>buffered</b> channel holds up to {@code capacity} values; {@code send}
 *       waits only while it is full.</li>
 *   <li>Values are delivered in FIFO order; each value goes to exactly one receiver. Waiting
 *       senders and receivers are served in arrival order.</li>
 *   <li>{@link #close()} is idempotent. After it, values already buffered can still be received;
 *       then {@code receive} returns {@code null} (and a {@link Select} case reports
 *       {@code ok == false}). {@code send} on a closed channel throws
 *       {@link ChannelClosedException}, also to senders that were waiting when it closed.</li>
 *   <li>Memory consistency: actions before a {@code send} happen-before the matching
 *       {@code receive} returns.</li>
 *   <li>Blocking calls made by a process release its coroutine baton while they wait (see
 *       {@link Troupe#coroutine}); a killed process unwinds from them with {@link ProcessExit}.</li>
 * </ul>
 *
 * @param <T> the type of values; never {@code null}
 */
public interface Channel<T> extends Source<T> {

    /** A rendezvous channel. */
    static <T> Channel<T> unbuffered() {
        return Channels.create(0);
    }

    /** A channel that buffers up to {@code capacity} values ({@code capacity >= 1}). */
    static <T> Channel<T> buffered(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        return Channels.create(capacity);
    }

    /**
     * Sends a value, waiting while the channel is full (or, unbuffered, until a receiver takes it).
     *
     * @throws ChannelClosedException if the channel is or becomes closed before the value is taken
     */
    void send(T value);

    /**
     * Sends a value if that is possible without waiting.
     *
     * @return whether the value was sent
     * @throws ChannelClosedException if the channel is closed
     */
    boolean trySend(T value);

    /** A {@link Select} case that sends {@code value} to this channel. */
    SelectCase<T> onSend(T value);

    /** Closes the channel; see the class comment. Idempotent. */
    void close();

    boolean isClosed();

    /** 0 for an unbuffered channel. */
    int capacity();

    /** The number of buffered values. */
    int size();
}
