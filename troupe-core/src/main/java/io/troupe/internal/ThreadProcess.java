package io.troupe.internal;

import io.troupe.ExitReason;
import io.troupe.ProcessExit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/*
 * Overview: a process that owns a thread (a virtual thread for spawned processes, the caller's own
 * thread for a root process run with TroupeRuntime.run). It waits for messages by parking.
 *
 * Parking protocol (a Dekker-style handshake on volatile fields):
 *   consumer: poll() -> null; state = PARKED; if hasMessages() undo and retry; else park
 *   producer: offer(m);     if state == PARKED and CAS(PARKED -> RUNNING): unpark(thread)
 * Either the consumer sees the producer's message before parking, or the producer sees PARKED and
 * wakes it. A message that is already queued never causes a wake-up, so a busy receiver drains its
 * mailbox without any thread hand-off.
 *
 * Kill: terminate() from another thread marks the cell dead first (links and monitors are told at
 * once, as in Erlang), then unparks and interrupts the thread; the body unwinds with ProcessExit at
 * its next Troupe call or interruptible wait.
 */
final class ThreadProcess extends ProcessCell {
    private static final int RUNNING = 0;
    private static final int PARKED = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ThreadProcess.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    volatile Thread thread;

    ThreadProcess(LocalRuntime runtime, long id) {
        super(runtime, id);
    }

    @Override
    void wake() {
        if (state == PARKED && STATE.compareAndSet(this, PARKED, RUNNING)) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    boolean canReceive() {
        return true;
    }

    @Override
    void afterExit(ExitReason reason) {
        Thread owner = thread;
        if (owner != null && owner != Thread.currentThread()) {
            LockSupport.unpark(owner);
            owner.interrupt();
        }
    }

    /** Throws {@link ProcessExit} if this process has been ended from outside. */
    void checkAlive() {
        ExitReason reason = exitReason();
        if (reason != null) throw new ProcessExit(reason);
    }

    /**
     * Takes the first message matching {@code filter} (any message if null), waiting at most
     * {@code timeoutNanos} (negative: forever). Returns null on timeout. Owner thread only.
     */
    Object receive(Predicate<Object> filter, long timeoutNanos) {
        checkAlive();
        Object message = filter == null ? nextMessage() : takeStashed(filter);
        if (message != null) return message;
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        for (int spins = 0; ; ) {
            message = poll();
            if (message != null) {
                if (filter == null || filter.test(message)) return message;
                skip(message);
                continue;
            }
            if (hasMessages()) { // a producer is between its exchange and its link
                if (++spins > 64) Thread.yield(); else Thread.onSpinWait();
                continue;
            }
            if (timeoutNanos == 0) return null;
            long remaining = 0;
            if (timeoutNanos > 0 && (remaining = deadline - System.nanoTime()) <= 0) return null;
            state = PARKED;
            if (hasMessages()) {
                state = RUNNING;
                continue;
            }
            if (timeoutNanos > 0) LockSupport.parkNanos(this, remaining); else LockSupport.park(this);
            state = RUNNING;
            checkAlive();
            if (Thread.interrupted()) {
                // Interrupts carry no meaning inside receive; only a kill (checked above) ends it.
                Thread.onSpinWait();
            }
        }
    }

    /** Sleeps without taking messages; returns early only to unwind a kill. Owner thread only. */
    void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long remaining = nanos; remaining > 0; remaining = deadline - System.nanoTime()) {
            checkAlive();
            LockSupport.parkNanos(this, remaining);
        }
        checkAlive();
    }
}
