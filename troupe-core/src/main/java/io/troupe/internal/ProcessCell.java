package io.troupe.internal;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/*
 * Overview: the state every process has, whatever runs it: identity (a ProcessCell *is* its local
 * Pid, so a send to a local pid needs no lookup), the mailbox (inherited), the stash of messages
 * skipped by a selective receive, links, monitors, the registered name and the exit reason.
 *
 * Concurrency: the link, monitor, name and exit fields are guarded by the cell's monitor lock
 * (`synchronized (this)`). Critical sections never block and never call out. When two cells must be
 * locked together (link, unlink) they are locked in id order. A cell is alive while `exitReason`
 * is null; `terminate` sets it exactly once, under the lock, and only then notifies links and
 * monitors, outside any lock.
 *
 * Signal rules (Erlang's):
 *  - an exit signal arriving through a link is ignored if the link is gone (unlink won the race);
 *  - a Down is enqueued only while the watcher still holds the monitor, under the watcher's lock,
 *    so that after demonitor returns no Down for that monitor can appear in the mailbox.
 */
abstract class ProcessCell extends Mailbox implements Pid {
    final LocalRuntime runtime;
    private final long id;

    private volatile ExitReason exitReason;
    private volatile boolean trapExit;
    private String name;
    private Set<Pid> links;                    // lazily created; local cells or remote pids
    private Map<Ref, Pid> monitoredBy;          // monitor ref -> watcher (local cell or remote pid)
    private Map<Ref, Pid> monitoring;           // monitor ref -> target (or this, for noproc)
    private ArrayDeque<Object> stash;           // consumer-owned
    private Set<String> listened;               // consumer-owned: topics taken out of the inbox

    ProcessCell(LocalRuntime runtime, long id) {
        this.runtime = runtime;
        this.id = id;
    }

    // ---------------------------------------------------------------- identity

    @Override
    public final String node() {
        return runtime.node();
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final int creation() {
        return runtime.creation();
    }

    @Override
    public final boolean equals(Object other) {
        return Pid.equals(this, other);
    }

    @Override
    public final int hashCode() {
        return Pid.hashCode(this);
    }

    @Override
    public final String toString() {
        return Pid.toString(this);
    }

    // ---------------------------------------------------------------- kinds

    /** Makes the process notice a new message: unpark its thread or schedule it. */
    abstract void wake();

    /** Called once after the process has been marked dead, outside any lock. */
    abstract void afterExit(ExitReason reason);

    /** Whether this process can block in receive (threaded) or only handle messages (handler). */
    abstract boolean canReceive();

    // ---------------------------------------------------------------- messages

    final boolean isAlive() {
        return exitReason == null;
    }

    final ExitReason exitReason() {
        return exitReason;
    }

    /** Delivers a message; dropped silently when the process is dead. */
    final void tell(Object message) {
        if (exitReason == null) {
            offer(message);
            wake();
        }
    }

    /** The next message in arrival order: first what a selective receive skipped. Consumer only. */
    final Object nextMessage() {
        ArrayDeque<Object> skipped = stash;
        if (skipped != null && !skipped.isEmpty()) {
            return skipped.pollFirst();
        }
        return poll();
    }

    /** Removes and returns the first stashed message matching {@code filter}. Consumer only. */
    final Object takeStashed(Predicate<Object> filter) {
        ArrayDeque<Object> skipped = stash;
        if (skipped == null) return null;
        for (Iterator<Object> it = skipped.iterator(); it.hasNext(); ) {
            Object message = it.next();
            if (filter.test(message)) {
                it.remove();
                return message;
            }
        }
        return null;
    }

    /**
     * Takes the oldest message matching {@code filter} (any if null) without waiting, keeping the
     * others in order. Returns null if none is queued (a message may be in flight). Consumer only.
     */
    final Object takeMatching(Predicate<Object> filter) {
        if (filter == null) return nextMessage();
        Object message = takeStashed(filter);
        if (message != null) return message;
        for (message = poll(); message != null; message = poll()) {
            if (filter.test(message)) return message;
            skip(message);
        }
        return null;
    }

    /** Whether a message matching {@code filter} is queued; moves polled messages to the stash. Consumer only. */
    final boolean hasMatch(Predicate<Object> filter) {
        ArrayDeque<Object> skipped = stash;
        if (skipped != null) {
            for (Object message : skipped) {
                if (filter.test(message)) return true;
            }
        }
        for (Object message = poll(); message != null; message = poll()) {
            skip(message);
            if (filter.test(message)) return true;
        }
        return false;
    }

    /** Keeps a message a selective receive skipped, in arrival order. Consumer only. */
    final void skip(Object message) {
        if (stash == null) stash = new ArrayDeque<>();
        stash.addLast(message);
    }

    /** Moves every queued message into the stash and removes those matching {@code filter}. Consumer only. */
    final void flush(Predicate<Object> filter) {
        for (Object message = poll(); message != null; message = poll()) {
            skip(message);
        }
        if (stash != null) stash.removeIf(filter);
    }

    /** Takes {@code topic} out of the inbox view (owner only); see {@code Troupe.listen}. */
    final void listen(String topic) {
        if (listened == null) listened = new HashSet<>(4);
        listened.add(topic);
    }

    final void unlisten(String topic) {
        if (listened != null) listened.remove(topic);
    }

    /** Whether a topic message goes to a listen view rather than the inbox view. Owner only. */
    final boolean isListened(String topic) {
        return listened != null && listened.contains(topic);
    }

    // ---------------------------------------------------------------- flags and names

    final boolean trapExit() {
        return trapExit;
    }

    final boolean setTrapExit(boolean on) {
        boolean previous = trapExit;
        trapExit = on;
        return previous;
    }

    /** Sets the name under the lock; returns false if the process is dead. */
    final synchronized boolean claimName(String newName) {
        if (exitReason != null) return false;
        if (name != null && !name.equals(newName)) {
            throw new IllegalArgumentException(this + " is already registered as '" + name + "'");
        }
        name = newName;
        return true;
    }

    final synchronized String name() {
        return name;
    }

    final synchronized void dropName(String oldName) {
        if (oldName.equals(name)) name = null;
    }

    // ---------------------------------------------------------------- links

    /** Links two live cells, or returns false if {@code other} is dead. Caller must be alive. */
    static boolean link(ProcessCell a, ProcessCell b) {
        if (a == b) return true;
        ProcessCell first = a.id < b.id ? a : b;
        ProcessCell second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (a.exitReason != null || b.exitReason != null) return false;
                a.linkSet().add(b);
                b.linkSet().add(a);
                return true;
            }
        }
    }

    static void unlink(ProcessCell a, ProcessCell b) {
        ProcessCell first = a.id < b.id ? a : b;
        ProcessCell second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (a.links != null) a.links.remove(b);
                if (b.links != null) b.links.remove(a);
            }
        }
    }

    /** Records this side of a link with a process of another node; false if this one is dead. */
    final synchronized boolean linkRemote(Pid remote) {
        if (exitReason != null) return false;
        linkSet().add(remote);
        return true;
    }

    final synchronized void unlinkRemote(Pid remote) {
        if (links != null) links.remove(remote);
    }

    private Set<Pid> linkSet() {
        if (links == null) links = new HashSet<>(4);
        return links;
    }

    final synchronized List<Pid> linkedPids() {
        return links == null ? List.of() : List.copyOf(links);
    }

    /** An exit signal that travels through the link from {@code from}, which has exited. */
    final void linkExit(Pid from, ExitReason reason) {
        synchronized (this) {
            if (exitReason != null || links == null || !links.remove(from)) {
                return; // dead, or unlinked before the signal arrived
            }
        }
        onLinkExit(from, reason);
    }

    private void onLinkExit(Pid from, ExitReason reason) {
        if (trapExit) {
            tell(new Exit(from, reason));
        } else if (!(reason instanceof ExitReason.Normal)) {
            terminate(reason);
        }
    }

    /** An exit signal sent with {@code exit(pid, reason)}; see {@link ExitReason}. */
    final void exitSignal(Pid from, ExitReason reason) {
        if (reason instanceof ExitReason.Kill) {
            terminate(ExitReason.KILLED);
        } else if (trapExit) {
            tell(new Exit(from, reason));
        } else if (!(reason instanceof ExitReason.Normal) || from == this) {
            terminate(reason);
        }
    }

    // ---------------------------------------------------------------- monitors

    /**
     * Starts watching {@code targetPid}: a local {@code target}, or (target null) a remote pid or a
     * dead one. A dead local target yields a Down with NOPROC at once.
     */
    final Ref monitor(ProcessCell target, Pid targetPid) {
        Ref ref = runtime.newRef();
        boolean remote = target == null && runtime.isRemote(targetPid);
        synchronized (this) {
            if (monitoring == null) monitoring = new HashMap<>(4);
            monitoring.put(ref, target != null ? target : remote ? targetPid : this);
        }
        if (remote) {
            runtime.monitorRemote(ref, this, targetPid);
        } else if (target == null || !target.addWatcher(ref, this)) {
            deliverDown(ref, targetPid, ExitReason.NOPROC);
        }
        return ref;
    }

    /** Adds a watcher (local cell or remote pid); false if this process is dead. */
    final synchronized boolean addWatcher(Ref ref, Pid watcher) {
        if (exitReason != null) return false;
        if (monitoredBy == null) monitoredBy = new HashMap<>(4);
        monitoredBy.put(ref, watcher);
        return true;
    }

    final synchronized void removeWatcher(Ref ref) {
        if (monitoredBy != null) monitoredBy.remove(ref);
    }

    /**
     * Stops watching. Afterwards no {@link Down} for {@code ref} is in or will reach the mailbox.
     * Consumer only (a process demonitors its own monitors).
     *
     * @return whether the monitor was active
     */
    final boolean demonitor(Ref ref) {
        Pid target;
        synchronized (this) {
            target = monitoring == null ? null : monitoring.remove(ref);
        }
        if (target instanceof ProcessCell cell) {
            if (cell != this) cell.removeWatcher(ref);
        } else if (target != null) {
            runtime.demonitorRemote(ref, this, target);
        }
        flush(message -> message instanceof Down down && down.ref().equals(ref));
        return target != null;
    }

    final void deliverDown(Ref ref, Pid pid, ExitReason reason) {
        synchronized (this) {
            if (exitReason != null || monitoring == null || monitoring.remove(ref) == null) return;
            offer(new Down(ref, pid, reason));
        }
        wake();
    }

    /** The connection to {@code node} is lost: fire links and monitors that reach it. */
    final void nodeDown(String node) {
        List<Pid> brokenLinks = new ArrayList<>();
        List<Map.Entry<Ref, Pid>> brokenMonitors = new ArrayList<>();
        synchronized (this) {
            if (exitReason != null) return;
            if (links != null) {
                for (var it = links.iterator(); it.hasNext(); ) {
                    Pid pid = it.next();
                    if (pid.node().equals(node)) {
                        it.remove();
                        brokenLinks.add(pid);
                    }
                }
            }
            if (monitoring != null) {
                monitoring.forEach((ref, target) -> {
                    if (target.node().equals(node)) brokenMonitors.add(Map.entry(ref, target));
                });
            }
            if (monitoredBy != null) monitoredBy.values().removeIf(watcher -> watcher.node().equals(node));
        }
        for (var monitor : brokenMonitors) deliverDown(monitor.getKey(), monitor.getValue(), ExitReason.NOCONNECTION);
        for (Pid pid : brokenLinks) onLinkExit(pid, ExitReason.NOCONNECTION);
    }

    // ---------------------------------------------------------------- exit

    /**
     * Ends the process with {@code reason}, once: marks it dead, releases its name, then signals its
     * links and monitors. Safe from any thread. Returns false if it had already ended.
     */
    final boolean terminate(ExitReason reason) {
        Set<Pid> linked;
        Map<Ref, Pid> watchers;
        Map<Ref, Pid> watched;
        String registeredName;
        synchronized (this) {
            if (exitReason != null) return false;
            exitReason = reason;
            linked = links;
            watchers = monitoredBy;
            watched = monitoring;
            registeredName = name;
            links = null;
            monitoredBy = null;
            monitoring = null;
            name = null;
        }
        // Exits cascade through links (terminate -> linkExit -> terminate ...). Run nested ones from
        // a per-thread queue instead of recursing, so a long chain cannot overflow the stack: the
        // outermost terminate on this thread drains the queue before it returns.
        Object cascade = CASCADE.get();
        if (cascade != null) {
            @SuppressWarnings("unchecked")
            ArrayDeque<Runnable> queue = cascade instanceof ArrayDeque<?> q ? (ArrayDeque<Runnable>) q : new ArrayDeque<>();
            queue.addLast(() -> notifyExit(reason, registeredName, linked, watchers, watched));
            if (queue != cascade) CASCADE.set(queue);
            return true;
        }
        CASCADE.set(CASCADE_RUNNING);
        RuntimeException failure = null;
        try {
            notifyExit(reason, registeredName, linked, watchers, watched);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (CASCADE.get() instanceof ArrayDeque<?> queue) {
                for (Object next = queue.pollFirst(); next != null; next = queue.pollFirst()) {
                    try {
                        ((Runnable) next).run();
                    } catch (RuntimeException e) { // one failed notification must not strand the rest
                        if (failure == null) failure = e; else failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            CASCADE.remove();
        }
        if (failure != null) throw failure;
        return true;
    }

    /** Marks a thread that is running {@link #terminate}'s notifications, until a nested exit needs a queue. */
    private static final Object CASCADE_RUNNING = new Object();
    private static final ThreadLocal<Object> CASCADE = new ThreadLocal<>();

    /** Tells links and monitors that this process has ended; the second half of {@link #terminate}. */
    private void notifyExit(ExitReason reason, String registeredName, Set<Pid> linked,
                            Map<Ref, Pid> watchers, Map<Ref, Pid> watched) {
        runtime.exited(this, registeredName);
        if (linked != null) {
            for (Pid other : linked) {
                if (other instanceof ProcessCell cell) cell.linkExit(this, reason);
                else runtime.exitRemote(this, other, reason, true);
            }
        }
        if (watchers != null) {
            watchers.forEach((ref, watcher) -> {
                if (watcher instanceof ProcessCell cell) cell.deliverDown(ref, this, reason);
                else runtime.downRemote(ref, watcher, this, reason);
            });
        }
        if (watched != null) {
            watched.forEach((ref, target) -> {
                if (target instanceof ProcessCell cell) {
                    if (cell != this) cell.removeWatcher(ref);
                } else {
                    runtime.demonitorRemote(ref, this, target);
                }
            });
        }
        afterExit(reason);
    }
}
