package io.troupe.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/*
 * Overview: one scheduler thread. It runs handler processes from its own FIFO `local` queue, which
 * only it touches (no atomics), and takes work handed to it by other threads from `inbox`, an MPSC
 * queue. A process made runnable by a message sent from this worker goes to `local`, so a chain of
 * handler processes passing a message along (ping-pong) runs on one thread with no wake-up at all.
 *
 * It parks when both queues are empty, with the same handshake as ThreadProcess: state = PARKED,
 * re-check the inbox, park; a producer that sees PARKED claims the worker with a CAS and unparks it.
 */
final class Worker extends Thread {
    static final int RUNNING = 0;
    static final int PARKED = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Worker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Dispatcher dispatcher;
    private final ArrayDeque<HandlerProcess> local = new ArrayDeque<>(256);
    private final MpscQueue<HandlerProcess> inbox = new MpscQueue<>();
    private final int throughput;
    private final int spins;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    /** The handler process this worker is running, read by {@code Troupe.self()}. */
    HandlerProcess current;

    Worker(Dispatcher dispatcher, String name, int throughput, int spins) {
        super(name);
        this.dispatcher = dispatcher;
        this.throughput = throughput;
        this.spins = spins;
        setDaemon(true);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Queues a process on this worker: one it made runnable itself, or one whose batch ended with
     * messages left. Worker thread only.
     */
    void pushLocal(HandlerProcess process) {
        local.addLast(process);
    }

    boolean hasLocalWork() {
        return !local.isEmpty();
    }

    /** Hands a process to this worker from another thread, waking it if it sleeps. */
    void hand(HandlerProcess process) {
        inbox.offer(process);
        if (state == PARKED && STATE.compareAndSet(this, PARKED, RUNNING)) {
            LockSupport.unpark(this);
        }
    }

    /** Claims this worker if it is parked: the caller must then {@link #handClaimed} it work. */
    boolean claimIfParked() {
        return state == PARKED && STATE.compareAndSet(this, PARKED, RUNNING);
    }

    void handClaimed(HandlerProcess process) {
        inbox.offer(process);
        LockSupport.unpark(this);
    }

    boolean isParked() {
        return state == PARKED;
    }

    @Override
    public void run() {
        while (!dispatcher.isStopped()) {
            HandlerProcess next = inbox.poll();
            if (next != null) {
                local.addLast(next);
                continue;
            }
            next = local.pollFirst();
            if (next == null) {
                idle();
                continue;
            }
            if (!local.isEmpty() && dispatcher.parkedWorkers() > 0) {
                dispatcher.share(this, local.pollFirst());
            }
            next.run(this, throughput);
        }
    }

    private void idle() {
        for (int i = 0; i < spins; i++) {
            if (!inbox.isEmpty()) return;
            Thread.onSpinWait();
        }
        state = PARKED;
        dispatcher.parked(1);
        if (!inbox.isEmpty() || dispatcher.isStopped()) {
            STATE.compareAndSet(this, PARKED, RUNNING);
        } else {
            LockSupport.park(this);
        }
        state = RUNNING;
        dispatcher.parked(-1);
    }
}
