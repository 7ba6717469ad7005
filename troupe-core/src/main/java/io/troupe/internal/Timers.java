package io.troupe.internal;

import io.troupe.Cancellable;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread that fires the runtime's timers; timer actions must be quick and never block. */
final class Timers {
    private final ScheduledThreadPoolExecutor executor;

    Timers(String node) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "troupe-timer-" + node);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    Cancellable schedule(long delayNanos, Runnable action) {
        ScheduledFuture<?> future = executor.schedule(action, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    void stop() {
        executor.shutdownNow();
    }
}
