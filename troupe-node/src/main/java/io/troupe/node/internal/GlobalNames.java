package io.troupe.node.internal;

import io.troupe.Pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: this node's replica of the global names, and the locks that serialise registrations
 * (ConcurrentLua's two-phase commit, made safe under races by ordered locking).
 *
 * Registering `name` from node R:
 *   1. R takes a lock on `name` at every node it is connected to and at itself, one node at a time
 *      in the order of their names. A node grants the lock if the name is free there and not locked
 *      by another attempt; it answers TAKEN if the name is registered, LOCKED if another attempt
 *      holds it. Locks expire (LOCK_TTL) and are dropped when their owner's node goes down.
 *   2. With every lock granted, R commits: each node records the name and releases the lock.
 *      R also sends the commit to nodes that connected meanwhile, so they learn the name.
 *   3. On LOCKED, R releases what it holds, backs off a random few milliseconds and retries until
 *      the request timeout; on TAKEN it releases and fails.
 * Two nodes racing for a name both start with the lowest-named node they share, which grants only
 * one of them; the other holds nothing there, so there is no deadlock, and it finds the name TAKEN
 * on retry. Exactly one wins.
 *
 * A name goes away when its process ends (GlobalWatcher on the owner's node broadcasts the
 * removal), when its node goes down (every node drops the names of that node), or on unregister.
 * When two nodes connect, each sends the names it owns; if both had registered one name (they were
 * apart at the time), every node keeps the smaller pid, so they agree.
 */
final class GlobalNames {
    static final String GRANTED = "granted";
    static final String LOCKED = "locked";
    static final String TAKEN = "taken";
    private static final long LOCK_TTL_NANOS = 10_000_000_000L;

    private record Lock(String owner, long attempt, long expires) {
    }

    private final NodeImpl node;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Pid> names = new HashMap<>();
    private final Map<String, Lock> locks = new HashMap<>();

    GlobalNames(NodeImpl node) {
        this.node = node;
    }

    Optional<Pid> whereis(String name) {
        lock.lock();
        try {
            return Optional.ofNullable(names.get(name));
        } finally {
            lock.unlock();
        }
    }

    Set<String> snapshot() {
        lock.lock();
        try {
            return new TreeSet<>(names.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Grants or refuses a lock for attempt {@code attempt} of node {@code owner}. */
    String lock(String name, String owner, long attempt) {
        lock.lock();
        try {
            if (names.containsKey(name)) return TAKEN;
            Lock held = locks.get(name);
            if (held != null && held.expires() - System.nanoTime() > 0
                    && !(held.owner().equals(owner) && held.attempt() == attempt)) {
                return LOCKED;
            }
            locks.put(name, new Lock(owner, attempt, System.nanoTime() + LOCK_TTL_NANOS));
            return GRANTED;
        } finally {
            lock.unlock();
        }
    }

    void unlock(String name, String owner, long attempt) {
        lock.lock();
        try {
            Lock held = locks.get(name);
            if (held != null && held.owner().equals(owner) && held.attempt() == attempt) locks.remove(name);
        } finally {
            lock.unlock();
        }
    }

    /** Records a committed registration; false if this node holds a conflicting one. */
    boolean commit(String name, Pid pid, String owner, long attempt) {
        lock.lock();
        try {
            Pid current = names.get(name);
            if (current != null) return current.equals(pid);
            Lock held = locks.get(name);
            if (held != null && held.owner().equals(owner) && held.attempt() == attempt) locks.remove(name);
            names.put(name, pid);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code name} if it still belongs to {@code pid}. */
    boolean remove(String name, Pid pid) {
        lock.lock();
        try {
            return names.remove(name, pid);
        } finally {
            lock.unlock();
        }
    }

    /** Names registered to processes of {@code owner} (this node, for a sync). */
    Control.GlobalSync ownedBy(String owner) {
        List<String> keys = new ArrayList<>();
        List<Pid> pids = new ArrayList<>();
        lock.lock();
        try {
            names.forEach((name, pid) -> {
                if (pid.node().equals(owner)) {
                    keys.add(name);
                    pids.add(pid);
                }
            });
        } finally {
            lock.unlock();
        }
        return new Control.GlobalSync(keys, pids);
    }

    /** Merges a peer's names; a conflict keeps the smaller pid on every node. Returns the losers. */
    List<Map.Entry<String, Pid>> merge(Control.GlobalSync sync) {
        List<Map.Entry<String, Pid>> losers = new ArrayList<>();
        lock.lock();
        try {
            for (int i = 0; i < sync.names().size(); i++) {
                String name = sync.names().get(i);
                Pid pid = sync.pids().get(i);
                Pid current = names.putIfAbsent(name, pid);
                if (current != null && !current.equals(pid)) {
                    Pid winner = current.compareTo(pid) <= 0 ? current : pid;
                    names.put(name, winner);
                    losers.add(Map.entry(name, winner == current ? pid : current));
                }
            }
        } finally {
            lock.unlock();
        }
        return losers;
    }

    /** Drops the names and locks of a node that went down. */
    void nodeDown(String peer) {
        lock.lock();
        try {
            names.values().removeIf(pid -> pid.node().equals(peer));
            locks.values().removeIf(held -> held.owner().equals(peer));
        } finally {
            lock.unlock();
        }
    }
}
