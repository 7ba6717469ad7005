package io.troupe.server.internal.connector;

import io.netty.channel.EventLoop;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per event loop: the connections that have queued writes since the loop last drained them. Writers from any thread
 * mark a connection dirty; the first mark of a pass schedules one task on the loop that drains every dirty
 * connection (write all, flush once each). A broadcast to 10,000 links thus costs one loop wake-up per burst rather
 * than one task per link.
 */
final class FlushBatcher implements Runnable {
    private final EventLoop loop;
    private final ConcurrentLinkedQueue<Connection> dirty = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    FlushBatcher(EventLoop loop) {
        this.loop = loop;
    }

    /** Called at most once per drain cycle per connection (the connection's own dirty flag guards it). */
    void markDirty(Connection c) {
        dirty.offer(c);
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException shutDown) {
                scheduled.set(false);
                Connection d;
                while ((d = dirty.poll()) != null) {
                    d.discardOutbound();
                }
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        Connection c;
        while ((c = dirty.poll()) != null) {
            c.drainOutbound();
        }
    }
}
