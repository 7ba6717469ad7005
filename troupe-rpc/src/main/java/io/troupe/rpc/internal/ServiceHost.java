package io.troupe.rpc.internal;

import io.troupe.Channel;
import io.troupe.Down;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Troupe;
import io.troupe.rpc.RpcFunction;
import io.troupe.rpc.ServiceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process behind a service: takes its calls and its messages.
 *
 * <p>Each call runs in a new threaded process (so a function may block and make nested calls);
 * the host only dispatches, and tracks the running calls so that a caller's cancel, or the loss of
 * the caller's node, ends them. A call whose deadline passed before it started is skipped: its
 * caller has already given up. Messages go to a bounded queue; when it is full they are dropped
 * and counted (a send by name never blocks).
 */
final class ServiceHost implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHost.class);
    static final ExitReason CANCELLED = ExitReason.of("cancelled");

    /** Calls from the processes of {@code node} will never be answered usefully: end them (local only). */
    record CallersGone(String node) {
    }

    private record CallKey(Pid replyTo, long id) {
    }

    private final ServiceSpec spec;
    private final Pid owner;
    final Channel<Object> queue;
    final AtomicLong dropped = new AtomicLong();
    private final ConcurrentHashMap<CallKey, Pid> running = new ConcurrentHashMap<>();

    ServiceHost(ServiceSpec spec, Pid owner) {
        this.spec = spec;
        this.owner = owner;
        this.queue = Channel.buffered(spec.messageCapacity());
    }

    @Override
    public void init() {
        if (owner != null) Troupe.monitor(owner);
    }

    @Override
    public void handle(Object message) {
        switch (message) {
            case Protocol.Request request -> start(request);
            case Protocol.CancelCall cancel -> {
                Pid worker = running.remove(new CallKey(cancel.replyTo(), cancel.id()));
                if (worker != null) Troupe.exit(worker, CANCELLED);
            }
            case Protocol.Message m -> {
                if (!queue.trySend(m.payload()) && dropped.incrementAndGet() % 1000 == 1) {
                    LOG.warn("service {}: message queue full ({}), {} messages dropped so far",
                            spec.name(), spec.messageCapacity(), dropped.get());
                }
            }
            case CallersGone gone -> running.forEach((key, worker) -> {
                if (key.replyTo().node().equals(gone.node()) && running.remove(key, worker)) Troupe.exit(worker, CANCELLED);
            });
            case Down down when down.pid().equals(owner) -> {
                queue.close();
                Troupe.exit(ExitReason.NORMAL);
            }
            default -> LOG.debug("service {} ignored {}", spec.name(), message);
        }
    }

    private void start(Protocol.Request request) {
        RpcFunction function = spec.functions().get(request.function());
        if (function == null) {
            Troupe.send(request.replyTo(), new Protocol.Failure(request.id(), Protocol.Failure.NO_FUNCTION, null, null));
            return;
        }
        CallKey key = new CallKey(request.replyTo(), request.id());
        long deadline = System.nanoTime() + request.timeoutMillis() * 1_000_000L;
        Pid worker = Troupe.spawn(() -> run(function, request, key, deadline));
        running.put(key, worker);
        if (!Troupe.isAlive(worker)) running.remove(key, worker); // it finished before it was entered
    }

    private void run(RpcFunction function, Protocol.Request request, CallKey key, long deadline) {
        try {
            if (System.nanoTime() - deadline > 0) return; // the caller has given up already
            List<Object> args = request.args() == null ? List.of() : request.args();
            Object value = function.apply(args);
            Troupe.send(request.replyTo(), new Protocol.Reply(request.id(), value)); // if cancelled meanwhile, the agent drops it
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable error) {
            Troupe.send(request.replyTo(), new Protocol.Failure(request.id(), Protocol.Failure.THREW,
                    error.getClass().getName(), error.getMessage()));
        } finally {
            running.remove(key);
        }
    }
}
