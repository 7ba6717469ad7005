package io.troupe.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/*
 * Overview: the scheduler of handler processes: a fixed set of platform worker threads (virtual
 * threads are not preempted, so busy workers on carrier threads would starve every other virtual
 * thread; platform workers leave the carriers to the threaded processes).
 *
 * Placement:
 *  - a worker that makes a process runnable keeps it (local queue): no hand-off, no wake-up;
 *  - but if it already has queued work and another worker is parked, it hands the new process
 *    to the parked one, so load spreads only when there is load to spread;
 *  - any other thread hands the process to a parked worker if there is one, else round-robin.
 */
final class Dispatcher {
    private final Worker[] workers;
    private final AtomicInteger parked = new AtomicInteger();
    private final AtomicInteger nextWorker = new AtomicInteger();
    private volatile boolean stopped;

    Dispatcher(String node, int threads, int throughput, int spins) {
        workers = new Worker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(this, "troupe-worker-" + i + "-" + node, throughput, spins);
        }
        for (Worker worker : workers) worker.start();
    }

    void schedule(HandlerProcess process) {
        if (Thread.currentThread() instanceof Worker self && self.dispatcher() == this) {
            if (self.hasLocalWork() && parked.get() > 0 && handToParked(process)) return;
            self.pushLocal(process);
            return;
        }
        if (parked.get() > 0 && handToParked(process)) return;
        workers[Math.floorMod(nextWorker.getAndIncrement(), workers.length)].hand(process);
    }

    /** Gives a process from {@code from}'s queue to a parked worker, or puts it back. */
    void share(Worker from, HandlerProcess process) {
        if (!handToParked(process)) from.pushLocal(process);
    }

    private boolean handToParked(HandlerProcess process) {
        for (Worker worker : workers) {
            if (worker.isParked() && worker.claimIfParked()) {
                worker.handClaimed(process);
                return true;
            }
        }
        return false;
    }

    int parkedWorkers() {
        return parked.get();
    }

    void parked(int delta) {
        parked.addAndGet(delta);
    }

    boolean isStopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
        for (Worker worker : workers) LockSupport.unpark(worker);
    }
}
