package io.troupe.internal;

import io.troupe.Channel;

/** Creates channels; the bridge from {@link Channel}'s factories to the implementation. */
public final class Channels {
    private Channels() {
    }

    public static <T> Channel<T> create(int capacity) {
        return new ChannelImpl<>(capacity);
    }
}
