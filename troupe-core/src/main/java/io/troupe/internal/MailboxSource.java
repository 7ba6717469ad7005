package io.troupe.internal;

import io.troupe.SelectCase;
import io.troupe.Source;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * A view of one process's mailbox that takes only the messages matching a filter: the inbox, the
 * lifecycle events, or one topic. Receiving from it is a selective receive on the one mailbox, so
 * arrival order is kept across every view and plain {@code receive()}. Only the owner may use it.
 */
final class MailboxSource implements Source<Object>, SelectCase<Object> {
    final ProcessCell owner;
    final Predicate<Object> filter;
    private final String description;

    MailboxSource(ProcessCell owner, Predicate<Object> filter, String description) {
        this.owner = owner;
        this.filter = filter;
        this.description = description;
    }

    private ThreadProcess ownerThread(String operation) {
        if (Current.process() != owner) {
            throw new IllegalStateException(operation + " on " + this + " must be called by its process " + owner);
        }
        if (owner instanceof ThreadProcess threaded) return threaded;
        throw new IllegalStateException(operation + " blocks; a handler process cannot wait for messages");
    }

    @Override
    public Object receive() {
        return ownerThread("receive").receive(filter, -1);
    }

    @Override
    public Object receive(Duration timeout) {
        return ownerThread("receive").receive(filter, Math.max(0, timeout.toNanos()));
    }

    @Override
    public Object tryReceive() {
        if (Current.process() != owner) {
            throw new IllegalStateException("tryReceive on " + this + " must be called by its process " + owner);
        }
        return owner.takeMatching(filter);
    }

    @Override
    public SelectCase<Object> onReceive() {
        return this;
    }

    @Override
    public Object source() {
        return this;
    }

    @Override
    public boolean isSend() {
        return false;
    }

    @Override
    public String toString() {
        return description + " of " + owner;
    }
}
