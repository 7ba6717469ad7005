package io.troupe.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Overview: a multi-producer, single-consumer FIFO (Vyukov's node-based MPSC queue).
 *
 * Producers swap themselves into `tail` with one atomic exchange (wait-free, no CAS loop) and then
 * link the previous tail to the new node. The consumer owns `head` (the last consumed node, which
 * serves as the stub) and follows `next` links. Between a producer's exchange and its link the
 * queue is "in flight": poll() returns null although hasMessages() is true; consumers that are
 * about to sleep use hasMessages() so they never park on a message that is about to appear.
 *
 * It is the base class of every process so that the mailbox costs no separate object.
 */
abstract class Mailbox {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(Mailbox.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Node {
        Object value;
        @SuppressWarnings("unused") // accessed through NEXT
        volatile Node next;

        Node(Object value) {
            this.value = value;
        }
    }

    private Node head;           // consumer-owned
    private volatile Node tail;  // producers exchange

    Mailbox() {
        Node stub = new Node(null);
        head = stub;
        tail = stub;
    }

    /** Appends a message. Safe from any thread; never blocks. */
    final void offer(Object message) {
        Node node = new Node(message);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
    }

    /** Takes the oldest message, or {@code null} if none is linked yet. Consumer only. */
    final Object poll() {
        Node first = head;
        Node next = (Node) NEXT.getAcquire(first);
        if (next == null) {
            return null;
        }
        head = next;
        Object value = next.value;
        next.value = null;
        return value;
    }

    /** Whether a message is queued or being queued. Consumer only. */
    final boolean hasMessages() {
        return head != tail;
    }

    /** Drops every message. Consumer only (or once the process is dead and nobody consumes). */
    final void clearMailbox() {
        while (poll() != null) {
            // drop
        }
    }
}
