package io.troupe.node.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Requests to other nodes waiting for their {@link Control.Reply}; failed when the node goes down. */
final class Requests {
    private record Pending(String node, CompletableFuture<Control.Reply> reply) {
    }

    private final NodeImpl node;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

    Requests(NodeImpl node) {
        this.node = node;
    }

    long newId() {
        return ids.incrementAndGet();
    }

    /** Sends the request {@code make(id)} to {@code peer} without waiting. */
    CompletableFuture<Control.Reply> send(String peer, LongFunction<Control> make) {
        long id = newId();
        CompletableFuture<Control.Reply> reply = new CompletableFuture<>();
        pending.put(id, new Pending(peer, reply));
        reply.whenComplete((value, error) -> pending.remove(id));
        Connection connection = node.connections().forNode(peer);
        if (connection == null) {
            reply.completeExceptionally(new RemoteCallException("node " + node.node() + " is closing"));
        } else {
            connection.enqueue(Outbound.control(Frames.CONTROL, make.apply(id)));
            if (connection.isClosed()) reply.completeExceptionally(new RemoteCallException("node " + peer + " is not reachable"));
        }
        return reply;
    }

    /** Sends a request and waits for the answer until {@code deadlineNanos}. */
    Control.Reply call(String peer, LongFunction<Control> make, long deadlineNanos) throws RemoteCallException {
        return await(peer, send(peer, make), deadlineNanos);
    }

    static Control.Reply await(String peer, CompletableFuture<Control.Reply> reply, long deadlineNanos) throws RemoteCallException {
        try {
            return reply.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new RemoteCallException("no answer from node " + peer + " in time");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RemoteCallException failure ? failure
                    : new RemoteCallException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("interrupted while waiting for node " + peer);
        }
    }

    void complete(Control.Reply reply) {
        Pending waiting = pending.get(reply.id());
        if (waiting != null) waiting.reply().complete(reply);
    }

    /** A request that could not be sent (its arguments cannot be encoded, for example). */
    void fail(long id, String reason) {
        Pending waiting = pending.get(id);
        if (waiting != null) waiting.reply().completeExceptionally(new RemoteCallException(reason));
    }

    void nodeDown(String peer, String reason) {
        pending.values().forEach(waiting -> {
            if (waiting.node().equals(peer)) {
                waiting.reply().completeExceptionally(new RemoteCallException("node " + peer + " is not reachable: " + reason));
            }
        });
    }

    static final class RemoteCallException extends Exception {
        RemoteCallException(String message) {
            super(message, null, false, false);
        }
    }
}
