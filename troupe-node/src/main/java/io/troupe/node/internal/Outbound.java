package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;

/**
 * One queued message or signal for a connection's writer, and its own link in the queue (one
 * allocation per send). Fields are written before the entry is published and never change.
 */
final class Outbound {
    final byte kind;           // a Frames type
    final Pid from;            // LINK, UNLINK, EXIT: the sender; MONITOR, DEMONITOR, DOWN: the watcher
    final Pid to;              // SEND and the signals: the target
    final Object value;        // message, reason or control record
    final Ref ref;
    final String name;         // SEND_NAME
    final boolean viaLink;     // EXIT
    volatile Outbound next;    // the queue's link

    private Outbound(byte kind, Pid from, Pid to, Object value, Ref ref, String name, boolean viaLink) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.value = value;
        this.ref = ref;
        this.name = name;
        this.viaLink = viaLink;
    }

    static Outbound send(Pid to, Object message) {
        return new Outbound(Frames.SEND, null, to, message, null, null, false);
    }

    static Outbound sendName(String name, Object message) {
        return new Outbound(Frames.SEND_NAME, null, null, message, null, name, false);
    }

    static Outbound link(byte kind, Pid from, Pid to) {
        return new Outbound(kind, from, to, null, null, null, false);
    }

    static Outbound exit(Pid from, Pid to, ExitReason reason, boolean viaLink) {
        return new Outbound(Frames.EXIT, from, to, reason, null, null, viaLink);
    }

    static Outbound monitor(byte kind, Ref ref, Pid watcher, Pid target, ExitReason reason) {
        return new Outbound(kind, watcher, target, reason, ref, null, false);
    }

    static Outbound control(byte kind, Object value) {
        return new Outbound(kind, null, null, value, null, null, false);
    }

    /** Whether dropping it must be answered with a node-down (the sender waits for a signal back). */
    boolean expectsAnswer() {
        return kind == Frames.LINK || kind == Frames.MONITOR;
    }
}
