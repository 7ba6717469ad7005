package io.troupe.supervision.internal;

import io.troupe.supervision.ServiceState;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What a service manager publishes for its handles: every service's state (written only by the
 * manager process, read by any thread) and a latch opened when {@code stopAll} has finished.
 */
final class ServiceBoard {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final List<String> names;
    private final ConcurrentHashMap<String, ServiceState> states = new ConcurrentHashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    ServiceBoard(List<String> names) {
        this.names = names;
        names.forEach(name -> states.put(name, ServiceState.UNKNOWN));
    }

    void publish(String name, ServiceState state) {
        states.put(name, state);
    }

    ServiceState state(String name) {
        return states.get(name);
    }

    Map<String, ServiceState> snapshot() {
        Map<String, ServiceState> copy = new LinkedHashMap<>();
        names.forEach(name -> copy.put(name, states.get(name)));
        return Collections.unmodifiableMap(copy);
    }

    void finish() {
        finished.countDown();
    }

    /**
     * Waits until {@link #finish()} or the timeout; gives up early once {@code alive} turns false
     * (the manager died without finishing). Checks {@code alive} every 50 ms, so the loop is bounded
     * by {@code timeout / 50 ms} rounds.
     */
    boolean awaitFinish(Duration timeout, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                if (finished.await(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) return true;
                if (!alive.getAsBoolean()) return finished.getCount() == 0;
            }
            return finished.getCount() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
