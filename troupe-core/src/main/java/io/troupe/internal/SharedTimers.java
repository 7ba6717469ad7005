package io.troupe.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one daemon thread that fires channel timers and tickers for every runtime. */
final class SharedTimers {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private SharedTimers() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "troupe-channel-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
