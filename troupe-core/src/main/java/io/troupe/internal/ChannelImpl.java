package io.troupe.internal;

import io.troupe.Channel;
import io.troupe.ChannelClosedException;
import io.troupe.SelectCase;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: a channel is a lock, a bounded buffer and two queues of waiters (blocked senders and
 * receivers, each possibly one case of a multi-way select). Every operation runs under the lock;
 * the Selector holds the locks of all channels of a select (in id order) while it tries its cases
 * and queues its waiters, so no one can complete a select half-way through its registration.
 * A queued waiter whose select was decided elsewhere is "stale": it is skipped and dropped.
 */
final class ChannelImpl<T> implements Channel<T> {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final ArrayDeque<Object> buffer;
    private final ArrayDeque<Waiter> senders = new ArrayDeque<>();
    private final ArrayDeque<Waiter> receivers = new ArrayDeque<>();
    private boolean closed;
    private final ChannelCase<T> receiveCase = new ChannelCase<>(this, false, null);

    ChannelImpl(int capacity) {
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 64));
    }

    // ------------------------------------------------------------ under the lock

    /** Tries to receive without waiting; returns the waiter-less outcome or {@code null} if not ready. */
    Outcome tryReceiveLocked() {
        if (!buffer.isEmpty()) {
            Object value = buffer.pollFirst();
            for (Waiter sender; (sender = senders.pollFirst()) != null; ) {
                if (sender.complete()) {
                    buffer.addLast(sender.value);
                    break;
                }
            }
            return new Outcome(value, true);
        }
        for (Waiter sender; (sender = senders.pollFirst()) != null; ) {
            Object value = sender.value;
            if (sender.complete()) return new Outcome(value, true);
        }
        return closed ? Outcome.CLOSED : null;
    }

    /** Tries to send without waiting; returns whether it did. Throws if closed. */
    boolean trySendLocked(Object value) {
        if (closed) throw new ChannelClosedException();
        for (Waiter receiver; (receiver = receivers.pollFirst()) != null; ) {
            receiver.value = value;
            receiver.ok = true;
            if (receiver.complete()) return true;
        }
        if (buffer.size() < capacity) {
            buffer.addLast(value);
            return true;
        }
        return false;
    }

    void enqueueLocked(Waiter waiter) {
        (waiter.send ? senders : receivers).addLast(waiter);
    }

    void removeLocked(Waiter waiter) {
        (waiter.send ? senders : receivers).remove(waiter);
    }

    record Outcome(Object value, boolean ok) {
        static final Outcome CLOSED = new Outcome(null, false);
    }

    // ------------------------------------------------------------ API

    @Override
    public void send(T value) {
        Selector.single(this, Objects.requireNonNull(value, "value"), null);
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "value");
        lock.lock();
        try {
            return trySendLocked(value);
        } finally {
            lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T receive() {
        return (T) Selector.single(this, null, receiveCase);
    }

    @Override
    public T receive(Duration timeout) {
        TimerImpl timer = TimerImpl.start(timeout);
        try {
            var selection = Selector.select(new SelectCase<?>[] {receiveCase, timer.channel().onReceive()}, false);
            @SuppressWarnings("unchecked") T value = selection.index() == 0 ? (T) selection.value() : null;
            return value;
        } finally {
            timer.stop();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T tryReceive() {
        lock.lock();
        try {
            Outcome outcome = tryReceiveLocked();
            return outcome == null ? null : (T) outcome.value();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SelectCase<T> onReceive() {
        return receiveCase;
    }

    @Override
    public SelectCase<T> onSend(T value) {
        return new ChannelCase<>(this, true, Objects.requireNonNull(value, "value"));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            for (Waiter receiver; (receiver = receivers.pollFirst()) != null; ) {
                receiver.value = null;
                receiver.ok = false;
                receiver.complete();
            }
            for (Waiter sender; (sender = senders.pollFirst()) != null; ) {
                sender.closed = true;
                sender.complete();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Channel#" + id + (capacity == 0 ? "(unbuffered)" : "(" + capacity + ")");
    }
}
