package io.troupe.rpc.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of every runtime's calls, checked by one daemon thread every
 * {@link #PERIOD_MILLIS} ms while calls are pending, instead of a timer per call (which cost a
 * scheduled task per wait). A call times out between its deadline and one period later.
 */
final class DeadlineSweep {
    static final long PERIOD_MILLIS = 5;
    private static final Set<Calls> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "troupe-rpc-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TIMER.scheduleAtFixedRate(DeadlineSweep::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private DeadlineSweep() {
    }

    /** Watches {@code calls} until none is pending (the caller set {@code calls.swept}). */
    static void watch(Calls calls) {
        WATCHED.add(calls);
    }

    private static void sweep() {
        long now = System.nanoTime();
        for (Calls calls : WATCHED) {
            try {
                if (!calls.sweep(now)) {
                    WATCHED.remove(calls);
                    calls.swept.set(false);
                    // a call entered between the sweep and the reset must not go unwatched
                    if (calls.sweep(now) && calls.swept.compareAndSet(false, true)) WATCHED.add(calls);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeadlineSweep.class).warn("deadline sweep failed", e);
            }
        }
    }
}
