package io.troupe.server.internal.connector;

import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per event loop: the frames pushed to its links ({@link HybridConnector#writeAll}) since it last
 * ran. One pass writes every queued frame to its links without flushing, then flushes each link
 * once: when pushes come faster than the loop writes them, several share a link's write system
 * call, which is what makes fan-out to many connections cheap. Frames reach each link in the order
 * they were added.
 *
 * <p>Threading: {@link #add} from any thread; {@link #run} on the loop. The frame is retained for
 * the queue and released once written.
 */
final class BroadcastBatcher implements Runnable {
    private record Broadcast(EncodedFrame frame, List<Connection> links) {
    }

    private final EventLoop loop;
    private final ConcurrentLinkedQueue<Broadcast> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Connection> toFlush = new ArrayList<>(); // loop-confined

    BroadcastBatcher(EventLoop loop) {
        this.loop = loop;
    }

    void add(EncodedFrame frame, List<Connection> links) {
        frame.retain();
        queue.offer(new Broadcast(frame, links));
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException shutDown) {
                scheduled.set(false);
                Broadcast b;
                while ((b = queue.poll()) != null) b.frame().release();
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        Broadcast b;
        while ((b = queue.poll()) != null) {
            try {
                for (Connection c : b.links()) {
                    if (c.writeFrame(b.frame()) && !c.flushPending) {
                        c.flushPending = true;
                        toFlush.add(c);
                    }
                }
            } finally {
                b.frame().release();
            }
        }
        for (Connection c : toFlush) {
            c.flushPending = false;
            c.flushFrames();
        }
        toFlush.clear();
    }
}
