package io.troupe.node.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/*
 * Failure detection. Every quarter of the failure-detection time, for each live connection: if
 * nothing (data or heartbeat) has been read from the peer for the whole failure-detection time,
 * the connection fails (links fire NOCONNECTION, and so on); if nothing has been written for a
 * quarter of it, a TICK frame is queued so the peer hears from us. A lost socket (a killed peer)
 * is noticed sooner, by its reader, at end of stream.
 */
final class Heartbeat {
    private Heartbeat() {
    }

    /** One platform daemon thread per node for heartbeats and timeouts; tasks never block. */
    static ScheduledExecutorService newScheduler(String node) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon(true).name("troupe-node-timer-" + node).factory());
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return Executors.unconfigurableScheduledExecutorService(scheduler);
    }

    static void start(NodeImpl node) {
        long silence = node.options().failureDetection().toNanos();
        long tick = Math.max(10_000_000L, silence / 4);
        node.scheduler().scheduleAtFixedRate(() -> check(node, silence, tick), tick, tick, TimeUnit.NANOSECONDS);
    }

    private static void check(NodeImpl node, long silence, long tick) {
        long now = System.nanoTime();
        for (Connection connection : node.connections().all()) {
            if (connection.state() != Connection.State.ACTIVE) continue;
            if (now - connection.lastRead > silence) {
                connection.fail("no data or heartbeat from " + connection.peer + " for "
                        + (now - connection.lastRead) / 1_000_000 + " ms", true);
            } else if (now - connection.lastWrite >= tick) {
                connection.enqueue(Outbound.control(Frames.TICK, null));
            }
        }
    }
}
