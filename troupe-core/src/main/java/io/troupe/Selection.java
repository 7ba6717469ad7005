package io.troupe;

/**
 * The outcome of a {@link Select}.
 *
 * @param index  the position of the case that fired among the arguments, or {@code -1} for the
 *               default
 * @param source the channel or source of that case, or {@code null} for the default
 * @param value  the value received ({@code null} for a send, the default, or a closed channel)
 * @param ok     {@code false} only when a receive case fired because its channel is closed and
 *               drained
 */
public record Selection(int index, Object source, Object value, boolean ok) {

    static final Selection DEFAULT = new Selection(-1, null, null, true);

    /** Whether no case was ready and the select had a default. */
    public boolean isDefault() {
        return index < 0;
    }

    /** Whether the case that fired acts on {@code channelOrSource} (compared by identity). */
    public boolean is(Object channelOrSource) {
        return source == channelOrSource
                || channelOrSource instanceof SelectCase<?> selectCase && selectCase.source() == source;
    }

    /** The received value, cast. */
    @SuppressWarnings("unchecked")
    public <T> T valueAs(Class<T> type) {
        return type.cast(value);
    }
}
