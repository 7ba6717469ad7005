package io.troupe.node.internal;

import io.troupe.Pid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** The registering side of global names (see {@link GlobalNames} for the protocol) and its messages. */
final class GlobalProtocol {
    private final NodeImpl node;
    private final GlobalNames names;

    GlobalProtocol(NodeImpl node, GlobalNames names) {
        this.node = node;
        this.names = names;
    }

    boolean register(String name, Pid pid) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pid, "pid");
        if (!pid.node().equals(node.node()) || !node.runtime().isAlive(pid)) {
            throw new IllegalArgumentException("cannot register '" + name + "' globally: " + pid + " is not a live process of " + node.node());
        }
        String self = node.node();
        long deadline = System.nanoTime() + node.options().requestTimeout().toNanos();
        for (int attempt = 0; ; attempt++) {
            Optional<Pid> current = names.whereis(name);
            if (current.isPresent()) return current.get().equals(pid);
            TreeSet<String> participants = new TreeSet<>(node.connections().activeNodes());
            participants.add(self);
            long id = node.requests().newId();
            List<String> held = new ArrayList<>();
            String outcome = GlobalNames.GRANTED;
            for (String peer : participants) {
                String answer = peer.equals(self) ? names.lock(name, self, id) : remoteLock(peer, id, name, pid, deadline);
                if (!GlobalNames.GRANTED.equals(answer)) {
                    outcome = answer;
                    if (!peer.equals(self) && !GlobalNames.TAKEN.equals(answer)) held.add(peer); // may hold a late grant
                    break;
                }
                held.add(peer);
            }
            if (GlobalNames.GRANTED.equals(outcome)) {
                if (commit(participants, id, name, pid, deadline)) {
                    node.globalWatcher().watch(name, pid);
                    return true;
                }
                removeEverywhere(name, pid);
                return false;
            }
            release(held, name, id);
            if (GlobalNames.TAKEN.equals(outcome) || System.nanoTime() - deadline > 0) {
                return names.whereis(name).map(pid::equals).orElse(false);
            }
            long millis = ThreadLocalRandom.current().nextLong(1, 3 + Math.min(40, 2L << attempt));
            LockSupport.parkNanos(millis * 1_000_000);
        }
    }

    private String remoteLock(String peer, long attempt, String name, Pid pid, long deadline) {
        try {
            return (String) node.requests().call(peer, id -> new Control.GlobalLock(id, attempt, name, pid), deadline).value();
        } catch (Requests.RemoteCallException e) {
            return GlobalNames.LOCKED; // the peer went away or is slow: retry with the nodes connected then
        }
    }

    private boolean commit(TreeSet<String> participants, long attempt, String name, Pid pid, long deadline) {
        String self = node.node();
        TreeSet<String> targets = new TreeSet<>(participants);
        targets.addAll(node.connections().activeNodes());
        List<Map.Entry<String, CompletableFuture<Control.Reply>>> answers = new ArrayList<>();
        boolean ok = names.commit(name, pid, self, attempt);
        for (String peer : targets) {
            if (peer.equals(self)) continue;
            CompletableFuture<Control.Reply> reply = node.requests().send(peer, id -> new Control.GlobalCommit(id, attempt, name, pid));
            if (participants.contains(peer)) answers.add(Map.entry(peer, reply));
        }
        for (var answer : answers) {
            try {
                if (!Boolean.TRUE.equals(Requests.await(answer.getKey(), answer.getValue(), deadline).value())) ok = false;
            } catch (Requests.RemoteCallException e) {
                // a participant that went down drops the name with its other state
            }
        }
        return ok;
    }

    private void release(List<String> held, String name, long attempt) {
        for (String peer : held) {
            if (peer.equals(node.node())) names.unlock(name, peer, attempt);
            else node.peers().sendControl(peer, new Control.GlobalUnlock(attempt, name));
        }
    }

    boolean unregister(String name) {
        Optional<Pid> current = names.whereis(name);
        if (current.isEmpty()) return false;
        removeEverywhere(name, current.get());
        node.globalWatcher().unwatch(name);
        return true;
    }

    /** The process holding {@code name} ended (reported by GlobalWatcher on its node). */
    void ownerExited(String name, Pid pid) {
        if (names.whereis(name).map(pid::equals).orElse(false)) removeEverywhere(name, pid);
    }

    private void removeEverywhere(String name, Pid pid) {
        names.remove(name, pid);
        for (String peer : node.connections().activeNodes()) node.peers().sendControl(peer, new Control.GlobalRemove(name, pid));
    }

    /** Handles a global-name control message from {@code peer}; returns the reply, if any. */
    Control.Reply handle(Control message, String peer) {
        switch (message) {
            case Control.GlobalLock lock -> {
                return new Control.Reply(lock.id(), names.lock(lock.name(), peer, lock.attempt()), null);
            }
            case Control.GlobalCommit commit -> {
                return new Control.Reply(commit.id(), names.commit(commit.name(), commit.pid(), peer, commit.attempt()), null);
            }
            case Control.GlobalUnlock unlock -> names.unlock(unlock.name(), peer, unlock.attempt());
            case Control.GlobalRemove remove -> names.remove(remove.name(), remove.pid());
            case Control.GlobalSync sync -> {
                for (var loser : names.merge(sync)) {
                    node.log().warn("global name '{}' was registered on two nodes while they were apart; every node keeps {}"
                            + ", not {}", loser.getKey(), names.whereis(loser.getKey()).orElse(null), loser.getValue());
                    if (loser.getValue().node().equals(node.node())) node.globalWatcher().unwatch(loser.getKey());
                }
            }
            default -> throw new IllegalArgumentException("not a global-name message: " + message);
        }
        return null;
    }
}
