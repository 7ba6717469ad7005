package io.troupe.bench.broadcast;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * One client connection's protocol state above WebSocket. All methods run on the connection's
 * event loop. A receiver joins the room and counts the broadcasts it gets; the sender joins
 * nothing and writes broadcast requests.
 */
abstract class Session {
    /** What a session reports to the load client. */
    interface Events {
        /** The session finished its protocol handshake (and, for a receiver, joined the room). */
        void joined(Session session);

        /** The session gave up before joining, or was closed. */
        void failed(Session session, String reason);
    }

    final int index;
    final boolean receiver;
    final LoadStats stats;
    final Events events;
    Channel channel;
    private boolean joined;
    private boolean settled;

    Session(int index, boolean receiver, LoadStats stats, Events events) {
        this.index = index;
        this.receiver = receiver;
        this.stats = stats;
        this.events = events;
    }

    /** The WebSocket handshake is complete. */
    abstract void opened();

    /** The payload of one text or binary WebSocket frame. */
    abstract void frame(ByteBuf data);

    /** Writes (without flushing) one broadcast request carrying a payload stamped now. */
    abstract void writeBroadcast();

    /** Reports the join once; a session that already failed stays failed. */
    final void markJoined() {
        if (settled) return;
        settled = true;
        joined = true;
        events.joined(this);
    }

    /** Reports a failure before the join once; later failures only close the connection. */
    final void reportFailure(String reason) {
        if (settled) return;
        settled = true;
        events.failed(this, reason);
    }

    final void fail(String reason) {
        reportFailure(reason);
        if (channel != null) channel.close();
    }

    final boolean isJoined() {
        return joined;
    }
}
