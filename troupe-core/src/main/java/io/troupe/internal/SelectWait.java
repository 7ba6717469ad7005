package io.troupe.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One blocked select (or plain channel operation) of one thread. Its cases sit as {@link Waiter}s
 * in the channels' queues; the first party to {@link #claim} a waiter completes the whole select.
 * The owner cancels by claiming {@link #CANCELLED}. A completer writes the waiter's result before
 * the claim's CAS, so the owner reads it after seeing {@link #winner()}.
 */
final class SelectWait {
    static final Waiter CANCELLED = new Waiter(null, -1, null, false, null);
    private static final VarHandle WINNER;

    static {
        try {
            WINNER = MethodHandles.lookup().findVarHandle(SelectWait.class, "winner", Waiter.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;
    @SuppressWarnings("unused") // accessed through WINNER
    private volatile Waiter winner;

    SelectWait(Thread thread) {
        this.thread = thread;
    }

    boolean claim(Waiter waiter) {
        return WINNER.compareAndSet(this, (Waiter) null, waiter);
    }

    Waiter winner() {
        return winner;
    }
}
