package io.troupe.internal;

/** One case of a blocked {@link SelectWait}, queued in one channel. Guarded by that channel's lock. */
final class Waiter {
    final SelectWait select;
    final int index;
    final ChannelImpl<?> channel;
    final boolean send;
    Object value;          // the value to send, or the value received
    boolean ok = true;     // false: received from a closed channel
    boolean closed;        // a send that failed because the channel closed

    Waiter(SelectWait select, int index, ChannelImpl<?> channel, boolean send, Object value) {
        this.select = select;
        this.index = index;
        this.channel = channel;
        this.send = send;
        this.value = value;
    }

    /** Completes this waiter's select with this case; false if the select was already decided. */
    boolean complete() {
        if (!select.claim(this)) return false;
        java.util.concurrent.locks.LockSupport.unpark(select.thread);
        return true;
    }
}
