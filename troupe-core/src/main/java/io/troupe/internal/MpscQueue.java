package io.troupe.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A small unbounded multi-producer, single-consumer FIFO; the same algorithm as {@link Mailbox}. */
final class MpscQueue<T> {
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MpscQueue.class, "tail", Node.class);
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        Object value;
        @SuppressWarnings("unused") // accessed through NEXT
        volatile Node next;

        Node(Object value) {
            this.value = value;
        }
    }

    private Node head = new Node(null);
    @SuppressWarnings("unused") // accessed through TAIL
    private volatile Node tail = head;

    void offer(T value) {
        Node node = new Node(value);
        Node previous = (Node) TAIL.getAndSet(this, node);
        NEXT.setRelease(previous, node);
    }

    @SuppressWarnings("unchecked")
    T poll() {
        Node next = (Node) NEXT.getAcquire(head);
        if (next == null) return null;
        head = next;
        Object value = next.value;
        next.value = null;
        return (T) value;
    }

    boolean isEmpty() {
        return head == tail;
    }
}
