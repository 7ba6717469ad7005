package io.troupe.bench.broadcast;

import io.netty.channel.Channel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends broadcast requests through one session at a set rate: every millisecond it writes the
 * requests due since the rate was set (at most {@link #MAX_BURST} per tick) and flushes once.
 * While the connection is not writable (the server is not reading) it sends nothing; the
 * count of requests actually sent is what deliveries are compared with.
 */
final class Sender implements AutoCloseable {
    private static final int MAX_BURST = 1000;

    private final Session session;
    private final ScheduledFuture<?> ticks;
    private volatile long sent;
    private double rate;
    private long since;
    private long sentSince;

    Sender(Session session) {
        this.session = session;
        Channel channel = session.channel;
        this.ticks = channel.eventLoop().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MILLISECONDS);
    }

    /** Broadcast requests per second from now on (0 pauses). */
    void rate(double perSecond) {
        session.channel.eventLoop().execute(() -> {
            rate = perSecond;
            since = System.nanoTime();
            sentSince = 0;
        });
    }

    /** Requests sent so far. */
    long sent() {
        return sent;
    }

    private void tick() {
        Channel channel = session.channel;
        if (rate <= 0 || !channel.isActive() || !channel.isWritable()) return;
        long due = (long) ((System.nanoTime() - since) * rate / 1e9) - sentSince;
        int n = (int) Math.min(due, MAX_BURST);
        if (n <= 0) return;
        for (int i = 0; i < n; i++) session.writeBroadcast();
        channel.flush();
        sentSince += n;
        sent += n;
    }

    @Override
    public void close() {
        ticks.cancel(false);
    }
}
