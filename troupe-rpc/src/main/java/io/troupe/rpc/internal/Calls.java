package io.troupe.rpc.internal;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.rpc.CallTimeoutException;
import io.troupe.rpc.RemoteDisconnectedException;
import io.troupe.rpc.RpcException;
import io.troupe.rpc.ServiceInfo;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Overview: the calls this node has in flight, and how a caller waits for one.
 *
 * A call is entered in `pending` under a fresh id before its request is sent; answers go to this
 * node's agent, which removes the entry and hands the outcome to the caller: a threaded process
 * gets it as a local message (so it waits with a Troupe receive, which a kill interrupts), any
 * other thread through a CompletableFuture. Whoever removes the entry first owns the outcome:
 * the agent (answer, host down, node down) or the caller (timeout, then it cancels the call on the
 * server). A late answer finds no entry and is dropped, so it never reaches a mailbox.
 *
 * Deadlines: no timer per call. One sweep (DeadlineSweep, every few milliseconds, while calls are
 * pending) times out the calls whose deadline passed; callers wait without a timeout of their own.
 *
 * Disconnects: the agent monitors each host it has calls to, once (`watched`). The caller enters
 * its call before asking for the watch and the agent forgets a host before failing its calls, so
 * no call can slip between a host's Down and the scan of its calls.
 */
final class Calls {
    /** The outcome of a call, delivered to a waiting threaded process (never crosses nodes). */
    record Outcome(long id, Object value, RpcException error) {
    }

    /** A request to the agent to monitor a host (local only). */
    record Watch(Pid host) {
    }

    static final class Pending {
        final long id;
        final ServiceInfo target;
        final String function;
        final Pid caller;                       // a waiting threaded process, or null
        final CompletableFuture<Object> future; // otherwise
        final Duration timeout;
        final long deadline;                    // System.nanoTime() based

        Pending(long id, ServiceInfo target, String function, Pid caller, CompletableFuture<Object> future, Duration timeout) {
            this.id = id;
            this.target = target;
            this.function = function;
            this.caller = caller;
            this.future = future;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }
    }

    private final TroupeRuntime runtime;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Set<Pid> watched = ConcurrentHashMap.newKeySet();
    private final AtomicLong late = new AtomicLong();
    final java.util.concurrent.atomic.AtomicBoolean swept = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Pid agent;

    Calls(TroupeRuntime runtime) {
        this.runtime = runtime;
    }

    void agent(Pid pid) {
        agent = pid;
    }

    /** Sends a call and waits for its outcome on the calling thread. */
    Object call(ServiceInfo target, String function, List<Object> args, Duration timeout) {
        if (Troupe.inProcess()) {
            if (!Troupe.mayReceive()) {
                throw new IllegalStateException("Rpc.call blocks, and a Handler process must not block its scheduler thread;"
                        + " use Rpc.callAsync (or make the call from a threaded process)");
            }
            return callFromProcess(target, function, args, timeout);
        }
        CompletableFuture<Object> future = new CompletableFuture<>();
        long id = start(target, function, args, timeout, null, future);
        try {
            return future.get(); // the deadline sweep completes it at the latest
        } catch (ExecutionException e) {
            throw (RpcException) e.getCause();
        } catch (InterruptedException e) {
            abandon(id, target);
            Thread.currentThread().interrupt();
            throw new RemoteDisconnectedException("interrupted while waiting for " + target.name() + "." + function);
        }
    }

    private Object callFromProcess(ServiceInfo target, String function, List<Object> args, Duration timeout) {
        long id = start(target, function, args, timeout, Troupe.self(), null);
        Object answer;
        try {
            // untimed: the answer, a disconnect or the deadline sweep (DeadlineSweep) delivers exactly one Outcome
            answer = Troupe.receive(m -> m instanceof Outcome o && o.id() == id);
        } catch (RuntimeException | Error e) { // a kill, or an exit signal, ends the wait
            abandon(id, target);
            throw e;
        }
        Outcome outcome = (Outcome) answer;
        if (outcome.error() != null) throw outcome.error();
        return outcome.value();
    }

    /** Sends a call; its outcome completes {@code future}. */
    CompletableFuture<Object> callAsync(ServiceInfo target, String function, List<Object> args, Duration timeout) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        start(target, function, args, timeout, null, future);
        return future;
    }

    private long start(ServiceInfo target, String function, List<Object> args, Duration timeout,
                       Pid caller, CompletableFuture<Object> future) {
        Pid replyTo = agent;
        long id = ids.incrementAndGet();
        pending.put(id, new Pending(id, target, function, caller, future, timeout));
        if (!swept.get() && swept.compareAndSet(false, true)) DeadlineSweep.watch(this);
        if (watched.add(target.host())) runtime.send(replyTo, new Watch(target.host()));
        long millis = Math.max(1, timeout.toMillis());
        runtime.send(target.host(), new Protocol.Request(id, replyTo, function, args, millis));
        return id;
    }

    /** The caller gives up: true if it removed the call first (then the server is told to cancel it). */
    private boolean abandon(long id, ServiceInfo target) {
        if (pending.remove(id) == null) return false;
        runtime.send(target.host(), new Protocol.CancelCall(id, agent));
        return true;
    }

    // ---------------------------------------------------------------- the agent's side

    /** An answer for call {@code id}; {@code failure} turns the call into its exception. */
    void complete(long id, Object value, java.util.function.Function<Pending, RpcException> failure) {
        Pending call = pending.remove(id);
        if (call == null) {
            late.incrementAndGet();
            return;
        }
        deliver(call, value, failure == null ? null : failure.apply(call));
    }

    /**
     * Times out the calls whose deadline has passed (the deadline sweep's thread): each is told to
     * its caller and cancelled on the server. Returns whether calls are still pending.
     */
    boolean sweep(long now) {
        for (Pending call : pending.values()) {
            if (now - call.deadline >= 0 && pending.remove(call.id, call)) {
                runtime.send(call.target.host(), new Protocol.CancelCall(call.id, agent));
                deliver(call, null, new CallTimeoutException(call.target.name(), call.function, call.timeout));
            }
        }
        return !pending.isEmpty();
    }

    /** {@code host} ended (or its node went away): its calls fail. */
    void hostDown(Pid host, String why) {
        watched.remove(host);
        for (Pending call : pending.values()) {
            if (call.target.host().equals(host) && pending.remove(call.id, call)) {
                deliver(call, null, new RemoteDisconnectedException(call.target.name() + "." + call.function + ": " + why));
            }
        }
    }

    /** {@code node} is down: every call to it fails. */
    void nodeDown(String node) {
        watched.removeIf(pid -> pid.node().equals(node));
        for (Pending call : pending.values()) {
            if (call.target.node().equals(node) && pending.remove(call.id, call)) {
                deliver(call, null, new RemoteDisconnectedException(call.target.name() + "." + call.function
                        + ": the connection to node " + node + " was lost"));
            }
        }
    }

    private void deliver(Pending call, Object value, RpcException error) {
        if (call.caller != null) {
            runtime.send(call.caller, new Outcome(call.id, value, error));
        } else if (error != null) {
            call.future.completeExceptionally(error);
        } else {
            call.future.complete(value);
        }
    }

    int inFlight() {
        return pending.size();
    }

    long lateAnswers() {
        return late.get();
    }
}
