package io.troupe;

/** A send on a closed {@link Channel}, or a channel closed while a sender waited. */
public final class ChannelClosedException extends TroupeException {
    public ChannelClosedException() {
        super("send on a closed channel");
    }
}
