package io.troupe.internal;

import io.troupe.SelectCase;

/** A select case on a {@link ChannelImpl}: a receive, or a send of {@code value}. */
record ChannelCase<T>(ChannelImpl<T> channel, boolean isSend, Object value) implements SelectCase<T> {
    @Override
    public Object source() {
        return channel;
    }
}
