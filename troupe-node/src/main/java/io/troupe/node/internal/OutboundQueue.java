package io.troupe.node.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/*
 * Overview: the outbound queue of one connection: many senders, one writer (Vyukov's MPSC queue,
 * as the process mailboxes in troupe-core, with the entries as their own nodes).
 *
 * Bound: `offered - taken` counts the entries waiting; Connection checks it before offering a
 * message. The check and the append are not one atomic step, so concurrent senders may overshoot
 * the limit by at most their number: the bound is for memory safety, not an exact count.
 *
 * Waking the writer (Dekker handshake on volatile fields, as ThreadProcess's parking):
 *   writer: poll() -> null; parked = 1; if !isEmpty() undo; else park
 *   sender: append;         if parked == 1: write directly (FrameWriter), or CAS(1 -> 0) and unpark
 * Under load the writer never parks, so senders pay no wake-up.
 */
final class OutboundQueue {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;
    private static final VarHandle OFFERED;
    private static final VarHandle TAKEN;
    private static final VarHandle PARKED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(OutboundQueue.class, "tail", Outbound.class);
            NEXT = lookup.findVarHandle(Outbound.class, "next", Outbound.class);
            OFFERED = lookup.findVarHandle(OutboundQueue.class, "offered", long.class);
            TAKEN = lookup.findVarHandle(OutboundQueue.class, "taken", long.class);
            PARKED = lookup.findVarHandle(OutboundQueue.class, "parked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Outbound head = Outbound.control(Frames.TICK, null);    // writer-owned
    @SuppressWarnings("unused") private volatile Outbound tail = head;
    @SuppressWarnings("unused") private volatile long offered;
    @SuppressWarnings("unused") private volatile long taken;
    @SuppressWarnings("unused") private volatile int parked;
    private volatile Thread writer;

    /** Appends an entry. Never blocks. Returns whether the writer was parked (then wake it, or write directly). */
    boolean offer(Outbound entry) {
        OFFERED.getAndAdd(this, 1L);
        Outbound previous = (Outbound) TAIL.getAndSet(this, entry);
        NEXT.setRelease(previous, entry);
        return parked != 0;
    }

    /** The oldest entry, or null if none is linked yet. Writer only. */
    Outbound poll() {
        Outbound next = (Outbound) NEXT.getAcquire(head);
        if (next == null) return null;
        head = next;
        TAKEN.setRelease(this, (long) TAKEN.getOpaque(this) + 1);
        return next;
    }

    /** Whether an entry is queued or being queued. Writer only. */
    boolean isEmpty() {
        return head == tail;
    }

    /** The number of entries waiting (approximate while senders are active). */
    long size() {
        return (long) OFFERED.getOpaque(this) - (long) TAKEN.getOpaque(this);
    }

    /** Parks the writer until an entry arrives or {@link #wake()} is called. Writer only. */
    void await() {
        writer = Thread.currentThread();
        PARKED.setVolatile(this, 1);
        if (isEmpty()) LockSupport.park(this);
        PARKED.setVolatile(this, 0);
    }

    /** Wakes the writer if it is parked. Any thread. */
    void wake() {
        if (PARKED.compareAndSet(this, 1, 0)) {
            Thread thread = writer;
            if (thread != null) LockSupport.unpark(thread);
        }
    }
}
