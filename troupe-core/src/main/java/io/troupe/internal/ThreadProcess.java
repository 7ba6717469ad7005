package io.troupe.internal;

import io.troupe.ExitReason;
import io.troupe.ProcessExit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/*
 * Overview: a process that owns a thread (a virtual thread for spawned processes, the caller's own
 * thread for a root process run with TroupeRuntime.run). It waits for messages by parking.
 *
 * Parking protocol (a Dekker-style handshake on volatile fields):
 *   consumer: poll() -> null; state = PARKED; if hasMessages() undo and retry; else park
 *   producer: offer(m);     if state == PARKED and CAS(PARKED -> RUNNING): unpark
 * Either the consumer sees the producer's message before parking, or the producer sees PARKED and
 * wakes it. A message that is already queued never causes a wake-up, so a busy receiver drains its
 * mailbox without any thread hand-off.
 *
 * Coroutines: once the process starts one, a fair lock (the baton) decides which of its threads
 * runs; every Troupe wait releases the baton while parked. So the body and its coroutines take
 * turns only at Troupe waits, and each turn happens-before the next: they share state without
 * locks. Wake-ups then go to every thread of the process (each re-checks what it waits for).
 *
 * Kill: terminate() from another thread marks the cell dead first (links and monitors are told at
 * once, as in Erlang), then unparks and interrupts the threads; they unwind with ProcessExit at
 * their next Troupe call or interruptible wait.
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

    /** Carrier yields before parking in receive; see {@link Selector} for the reasoning. */
    private static final int YIELDS_BEFORE_PARK = Integer.getInteger("troupe.receive.yields", 2);

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    volatile Thread thread;
    /** Guards interrupting {@link #thread} against its release by a root process (short, never blocks). */
    private final Object threadGuard = new Object();
    private volatile ReentrantLock baton;              // null until the first coroutine
    private volatile List<Thread> coroutines;          // null until the first coroutine

    ThreadProcess(LocalRuntime runtime, long id) {
        super(runtime, id);
    }

    @Override
    void wake() {
        List<Thread> others = coroutines;
        if (others != null) {
            // Several threads may be parked at once, and any of them leaving park() resets the one
            // shared state to RUNNING, which would hide a thread still parked for the mailbox: with
            // coroutines, every wake-up goes to every thread (each re-checks what it waits for).
            LockSupport.unpark(thread);
            others.forEach(LockSupport::unpark);
        } else if (state == PARKED && STATE.compareAndSet(this, PARKED, RUNNING)) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    boolean canReceive() {
        return true;
    }

    @Override
    void afterExit(ExitReason reason) {
        Thread current = Thread.currentThread();
        synchronized (threadGuard) { // a borrowed root thread is not interrupted after it was handed back
            Thread owner = thread;
            if (owner != null && owner != current) {
                LockSupport.unpark(owner);
                owner.interrupt();
            }
        }
        List<Thread> others = coroutines;
        if (others != null) {
            for (Thread coroutine : others) {
                if (coroutine != current) coroutine.interrupt();
            }
        }
    }

    /**
     * Hands a borrowed thread (a root process's, see {@code TroupeRuntime.call}) back: after this,
     * an exit signal no longer interrupts it, and an interrupt a kill left on it is cleared.
     */
    void releaseThread() {
        synchronized (threadGuard) {
            thread = null;
            Thread.interrupted();
        }
    }

    /** Throws {@link ProcessExit} if this process has been ended from outside. */
    void checkAlive() {
        ExitReason reason = exitReason();
        if (reason != null) throw new ProcessExit(reason);
    }

    /**
     * Takes the first message matching {@code filter} (any message if null), waiting at most
     * {@code timeoutNanos} (negative: forever). Returns null on timeout. Process threads only.
     */
    Object receive(Predicate<Object> filter, long timeoutNanos) {
        checkAlive();
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        for (int inFlight = 0, yields = 0; ; ) {
            Object message = takeMatching(filter);
            if (message != null) return message;
            if (hasMessages()) { // a producer is between its exchange and its link
                if (++inFlight > 64) Thread.yield(); else Thread.onSpinWait();
                continue;
            }
            if (timeoutNanos == 0) return null;
            if (yields < YIELDS_BEFORE_PARK && baton == null && Thread.currentThread().isVirtual()) {
                yields++;
                Thread.yield(); // a process we just sent to often runs on this carrier and answers
                continue;
            }
            long remaining = 0;
            if (timeoutNanos > 0 && (remaining = deadline - System.nanoTime()) <= 0) return null;
            park(null, true, remaining);
            checkAlive();
        }
    }

    /** Sleeps without taking messages; returns early only to unwind a kill. Process threads only. */
    void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long remaining = nanos; remaining > 0; remaining = deadline - System.nanoTime()) {
            checkAlive();
            park(null, false, remaining);
        }
        checkAlive();
    }

    /**
     * Parks until woken: by a message (if {@code forMailbox}), by {@code wait} being decided, by a
     * kill, or after {@code nanos} (0: no limit). May return spuriously. Releases the baton meanwhile.
     */
    void park(SelectWait wait, boolean forMailbox, long nanos) {
        if (forMailbox) {
            state = PARKED;
            if (hasMessages() || (wait != null && wait.winner() != null)) {
                state = RUNNING;
                return;
            }
        } else if (wait != null && wait.winner() != null) {
            return;
        }
        ReentrantLock held = baton;
        if (held != null) held.unlock();
        try {
            if (nanos > 0) LockSupport.parkNanos(this, nanos); else LockSupport.park(this);
        } finally {
            state = RUNNING;
            if (held != null) acquireBaton(held);
        }
        if (Thread.interrupted()) {
            // Interrupts carry no meaning inside a Troupe wait; only a kill (checked by callers) ends it.
            Thread.onSpinWait();
        }
    }

    private void acquireBaton(ReentrantLock held) {
        held.lock(); // uninterruptible: the baton is always handed back, even while unwinding a kill
    }

    /** Starts a coroutine of this process. Called by a thread of this process holding the baton. */
    void startCoroutine(Runnable body) {
        checkAlive();
        ReentrantLock held = baton;
        if (held == null) {
            held = new ReentrantLock(true);
            held.lock(); // the caller runs on
            coroutines = new CopyOnWriteArrayList<>();
            baton = held;
        }
        ReentrantLock lock = held;
        Thread coroutine = Thread.ofVirtual().unstarted(() -> runCoroutine(lock, body));
        coroutines.add(coroutine);
        coroutine.start();
    }

    private void runCoroutine(ReentrantLock lock, Runnable body) {
        Current.bind(this);
        lock.lock();
        try {
            if (isAlive()) body.run();
        } catch (ProcessExit exit) {
            terminate(exit.reason()); // exit() inside a coroutine ends the process
        } catch (Throwable error) {
            if (isAlive()) runtime.crashed(this, error);
            terminate(ExitReason.Failure.of(error));
        } finally {
            coroutines.remove(Thread.currentThread());
            lock.unlock();
            Current.unbind();
        }
    }

    /** Releases the baton when the process body ends, so no coroutine stays blocked on it. */
    void releaseBaton() {
        ReentrantLock held = baton;
        if (held != null && held.isHeldByCurrentThread()) held.unlock();
    }
}
