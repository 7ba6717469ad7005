package io.troupe.internal;

import io.troupe.ChannelClosedException;
import io.troupe.ProcessExit;
import io.troupe.SelectCase;
import io.troupe.Selection;
import io.troupe.TroupeException;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/*
 * Overview: Go's select algorithm over ChannelImpl and MailboxSource cases.
 *
 *  1. Shuffle the cases (uniformly), lock every channel involved in id order.
 *  2. Try each case in that order; the first that can proceed fires. Mailbox cases are selective
 *     receives on the caller's own mailbox, which needs no lock (the caller is its only consumer).
 *  3. None ready: return the default if there is one; else queue a Waiter per channel case, all
 *     sharing one SelectWait, unlock, and park. A channel operation that matches a waiter claims
 *     the SelectWait (CAS) and unparks the thread; a message that matches a mailbox case makes the
 *     owner cancel its SelectWait and retry from step 1.
 *  4. On wake, remove the waiters that did not fire.
 */
public final class Selector {
    private static final Selection DEFAULT = new Selection(-1, null, null, true);
    /** Busy-wait iterations before parking (about a microsecond); 0 when there is one CPU. */
    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1
            ? Integer.getInteger("troupe.channel.spins", 256) : 0;
    /** Carrier yields of a virtual thread before parking. */
    private static final int YIELDS = Integer.getInteger("troupe.channel.yields", 2);

    private Selector() {
    }

    public static Selection select(SelectCase<?>[] cases, boolean hasDefault) {
        if (cases.length == 0 && !hasDefault) throw new IllegalArgumentException("select needs at least one case");
        ProcessCell self = Current.process();
        ThreadProcess owner = self instanceof ThreadProcess threaded ? threaded : null;
        boolean mailbox = false;
        for (SelectCase<?> selectCase : cases) {
            if (selectCase instanceof MailboxSource source) {
                if (source.owner != self) {
                    throw new IllegalStateException("only process " + source.owner + " may select on " + source);
                }
                mailbox = true;
            } else if (!(selectCase instanceof ChannelCase<?>)) {
                throw new IllegalArgumentException("not a Troupe select case: " + selectCase);
            }
        }
        if (!hasDefault && self != null && owner == null) {
            throw new IllegalStateException("a handler process cannot block in select; use Select.trySelect");
        }
        if (owner != null) owner.checkAlive();
        int[] order = shuffled(cases.length);
        Selection early = tryEachCase(cases, order, self);   // the common case: something is ready
        if (early != null) return early;
        if (hasDefault) return DEFAULT;
        ChannelImpl<?>[] channels = channelsOf(cases);
        while (true) {
            SelectWait wait;
            Waiter[] waiters;
            lockAll(channels);
            try {
                Selection ready = tryCases(cases, order, self);
                if (ready != null) return ready;
                if (hasDefault) return DEFAULT;
                wait = new SelectWait(Thread.currentThread());
                waiters = new Waiter[cases.length];
                for (int i = 0; i < cases.length; i++) {
                    if (cases[i] instanceof ChannelCase<?> c) {
                        waiters[i] = new Waiter(wait, i, c.channel(), c.isSend(), c.value());
                        c.channel().enqueueLocked(waiters[i]);
                    }
                }
            } finally {
                unlockAll(channels);
            }
            Selection fired = await(wait, waiters, cases, self, owner, mailbox);
            if (fired != null) return fired;
        }
    }

    /**
     * A plain send ({@code value != null}) or receive on one channel: the common case, without the
     * shuffling and arrays of a multi-way select. Returns the received value (null when closed).
     */
    static Object single(ChannelImpl<?> channel, Object value, SelectCase<?> asCase) {
        ProcessCell self = Current.process();
        ThreadProcess owner = self instanceof ThreadProcess threaded ? threaded : null;
        if (self != null && owner == null) {
            throw new IllegalStateException("a handler process cannot block on a channel; use trySend or tryReceive");
        }
        if (owner != null) owner.checkAlive();
        boolean send = value != null;
        SelectWait wait;
        Waiter waiter;
        channel.lock.lock();
        try {
            if (send) {
                if (channel.trySendLocked(value)) return null;
            } else {
                ChannelImpl.Outcome outcome = channel.tryReceiveLocked();
                if (outcome != null) return outcome.value();
            }
            wait = new SelectWait(Thread.currentThread());
            waiter = new Waiter(wait, 0, channel, send, value);
            channel.enqueueLocked(waiter);
        } finally {
            channel.lock.unlock();
        }
        return await(wait, new Waiter[] {waiter}, new SelectCase<?>[] {asCase}, self, owner, false).value();
    }

    /** Tries each case under its own channel's lock only; enough when one is ready. */
    private static Selection tryEachCase(SelectCase<?>[] cases, int[] order, ProcessCell self) {
        for (int i : order) {
            if (cases[i] instanceof ChannelCase<?> c) {
                ChannelImpl<?> channel = c.channel();
                channel.lock.lock();
                try {
                    Selection fired = tryCase(cases, i, self);
                    if (fired != null) return fired;
                } finally {
                    channel.lock.unlock();
                }
            } else {
                Selection fired = tryCase(cases, i, self);
                if (fired != null) return fired;
            }
        }
        return null;
    }

    private static Selection tryCases(SelectCase<?>[] cases, int[] order, ProcessCell self) {
        for (int i : order) {
            Selection fired = tryCase(cases, i, self);
            if (fired != null) return fired;
        }
        return null;
    }

    /** Tries case {@code i}; a channel case must hold its channel's lock. */
    private static Selection tryCase(SelectCase<?>[] cases, int i, ProcessCell self) {
        switch (cases[i]) {
            case MailboxSource source -> {
                Object message = self.takeMatching(source.filter);
                if (message != null) return new Selection(i, source, message, true);
            }
            case ChannelCase<?> c when c.isSend() -> {
                if (c.channel().trySendLocked(c.value())) return new Selection(i, c.channel(), null, true);
            }
            case ChannelCase<?> c -> {
                ChannelImpl.Outcome outcome = c.channel().tryReceiveLocked();
                if (outcome != null) return new Selection(i, c.channel(), outcome.value(), outcome.ok());
            }
            default -> throw new IllegalArgumentException("not a Troupe select case: " + cases[i]);
        }
        return null;
    }

    /** Waits for the select to be decided; returns null if a mailbox case became ready (retry). */
    private static Selection await(SelectWait wait, Waiter[] waiters, SelectCase<?>[] cases,
                                   ProcessCell self, ThreadProcess owner, boolean mailbox) {
        if (Thread.currentThread().isVirtual()) {
            // The partner we just woke is usually queued on this very carrier: yielding lets it run
            // and answer, which costs far less than parking and being unparked. Spinning would not.
            for (int i = 0; i < YIELDS && wait.winner() == null; i++) Thread.yield();
        } else {
            for (int spin = 0; spin < SPINS && wait.winner() == null; spin++) Thread.onSpinWait();
        }
        while (wait.winner() == null) {
            if (mailbox && mailboxReady(cases, self)) {
                if (wait.claim(SelectWait.CANCELLED)) {
                    removeWaiters(waiters, -1);
                    return null;
                }
                break;
            }
            if (owner != null) {
                owner.park(wait, mailbox, 0);
                if (!owner.isAlive()) {
                    wait.claim(SelectWait.CANCELLED);
                    removeWaiters(waiters, -1);
                    throw new ProcessExit(owner.exitReason());
                }
            } else {
                LockSupport.park(wait);
                if (Thread.interrupted() && wait.claim(SelectWait.CANCELLED)) {
                    removeWaiters(waiters, -1);
                    Thread.currentThread().interrupt();
                    throw new TroupeException("interrupted while waiting on a channel");
                }
            }
        }
        Waiter winner = wait.winner();
        removeWaiters(waiters, winner.index);
        if (winner.closed) throw new ChannelClosedException();
        return new Selection(winner.index, winner.channel, winner.send ? null : winner.value, winner.ok);
    }

    private static boolean mailboxReady(SelectCase<?>[] cases, ProcessCell self) {
        for (SelectCase<?> selectCase : cases) {
            if (selectCase instanceof MailboxSource source && self.hasMatch(source.filter)) return true;
        }
        return false;
    }

    private static void removeWaiters(Waiter[] waiters, int keep) {
        for (Waiter waiter : waiters) {
            if (waiter == null || waiter.index == keep) continue;
            waiter.channel.lock.lock();
            try {
                waiter.channel.removeLocked(waiter);
            } finally {
                waiter.channel.lock.unlock();
            }
        }
    }

    private static ChannelImpl<?>[] channelsOf(SelectCase<?>[] cases) {
        ChannelImpl<?>[] channels = new ChannelImpl<?>[cases.length];
        int count = 0;
        for (SelectCase<?> selectCase : cases) {
            if (!(selectCase instanceof ChannelCase<?> c)) continue;
            ChannelImpl<?> channel = c.channel();
            int at = count;
            while (at > 0 && channels[at - 1].id > channel.id) at--;   // insertion sort by id
            if (at > 0 && channels[at - 1] == channel) continue;        // already there
            System.arraycopy(channels, at, channels, at + 1, count - at);
            channels[at] = channel;
            count++;
        }
        return count == channels.length ? channels : Arrays.copyOf(channels, count);
    }

    private static int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (n > 1) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    private static void lockAll(ChannelImpl<?>[] channels) {
        for (ChannelImpl<?> channel : channels) channel.lock.lock();
    }

    private static void unlockAll(ChannelImpl<?>[] channels) {
        for (int i = channels.length - 1; i >= 0; i--) channels[i].lock.unlock();
    }
}
