package io.troupe.internal;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.ProcessExit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Overview: a process without a thread. When a message arrives and the process is IDLE, the sender
 * CASes it to SCHEDULED and hands it to the Dispatcher; a worker then calls run(), which handles up
 * to `throughput` messages and either reschedules the process (more messages) or returns it to IDLE.
 *
 *   IDLE --message--> SCHEDULED --worker--> running batch --empty--> IDLE
 *                          ^                        |
 *                          +------ more messages ---+
 *
 * Only the worker that holds the SCHEDULED token runs the process, so handler calls never overlap;
 * the state CAS and the run queues give each batch a happens-before edge to the next.
 */
final class HandlerProcess extends ProcessCell {
    private static final int IDLE = 0;
    private static final int SCHEDULED = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(HandlerProcess.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    private Handler handler;
    private boolean initialized;

    HandlerProcess(LocalRuntime runtime, long id, Handler handler) {
        super(runtime, id);
        this.handler = handler;
    }

    /** Schedules the first run, which calls {@link Handler#init()}. */
    void start() {
        state = SCHEDULED;
        runtime.dispatcher().schedule(this);
    }

    @Override
    void wake() {
        if (state == IDLE && STATE.compareAndSet(this, IDLE, SCHEDULED)) {
            runtime.dispatcher().schedule(this);
        }
    }

    @Override
    boolean canReceive() {
        return false;
    }

    @Override
    void afterExit(ExitReason reason) {
        // The worker that runs the process next sees it dead and releases its state.
        wake();
    }

    /**
     * Delivers a message and, if the process was idle, runs its batch right here on the calling
     * thread instead of waking a worker (Erlang runs a process on the thread that read its message
     * off the socket). For distribution reader threads only: the caller holds no user locks and is
     * not a process, and a handler never blocks, so this only delays the caller by one batch.
     */
    void tellInline(Object message) {
        if (!isAlive()) return;
        offer(message);
        if (state != IDLE || !STATE.compareAndSet(this, IDLE, SCHEDULED)) return; // already scheduled
        ProcessCell previous = Current.swap(this);
        int outcome;
        try {
            outcome = runBatch(runtime.throughput());
        } finally {
            Current.restore(previous);
        }
        if (outcome != ENDED) finishBatch(null, outcome == DRAINED);
    }

    /** Runs one batch on {@code worker}. Called only by the holder of the SCHEDULED token. */
    void run(Worker worker, int throughput) {
        worker.current = this;
        int outcome;
        try {
            outcome = runBatch(throughput);
        } finally {
            worker.current = null;
        }
        if (outcome != ENDED) finishBatch(worker, outcome == DRAINED);
    }

    private static final int ENDED = 0;     // the process ended during the batch
    private static final int DRAINED = 1;   // the stash and the linked part of the mailbox are empty
    private static final int CUT = 2;       // the batch stopped at `throughput`

    /** Handles up to {@code throughput} messages (and init first); returns ENDED, DRAINED or CUT. */
    private int runBatch(int throughput) {
        if (!isAlive()) {
            release();
            return ENDED;
        }
        if (!initialized) {
            initialized = true;
            if (!invoke(null)) return ENDED;
        }
        for (int handled = 0; handled < throughput; handled++) {
            Object message = nextMessage();
            if (message == null) return DRAINED;
            if (!invoke(message)) return ENDED;
        }
        return CUT;
    }

    /**
     * Ends a batch: reschedules the process if messages are left (on {@code worker}'s queue, or
     * through the dispatcher when run inline), else returns it to IDLE.
     */
    private void finishBatch(Worker worker, boolean drained) {
        // A batch cut short by `throughput` may leave messages in the stash (demonitor and
        // selective calls move queued messages there), which hasMessages() does not see.
        if (!drained || hasMessages()) {
            requeue(worker);
            return;
        }
        state = IDLE;
        if (hasMessages() && STATE.compareAndSet(this, IDLE, SCHEDULED)) requeue(worker);
    }

    private void requeue(Worker worker) {
        if (worker != null) worker.pushLocal(this); else runtime.dispatcher().schedule(this);
    }

    /** Calls init (message == null) or handle; returns false if the process ended. */
    private boolean invoke(Object message) {
        try {
            if (message == null) handler.init(); else handler.handle(message);
            if (isAlive()) return true;
        } catch (ProcessExit exit) {
            terminate(exit.reason());
        } catch (Throwable error) {
            runtime.crashed(this, error);
            terminate(ExitReason.Failure.of(error));
        }
        release();
        return false;
    }

    /** Drops everything a dead process holds. The SCHEDULED token is kept, so it never runs again. */
    private void release() {
        handler = null;
        clearMailbox();
    }
}
