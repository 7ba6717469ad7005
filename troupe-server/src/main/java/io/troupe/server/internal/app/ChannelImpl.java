package io.troupe.server.internal.app;

import io.troupe.server.Channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** A channel: members by uid with their frontend, guarded by a lock; pushes work on a snapshot. */
final class ChannelImpl implements Channel {
    private final String name;
    private final Channels service;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, String> members = new LinkedHashMap<>();

    ChannelImpl(String name, Channels service) {
        this.name = name;
        this.service = service;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean add(String uid, String frontendId) {
        lock.lock();
        try {
            return members.putIfAbsent(uid, service.canonical(frontendId)) == null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean leave(String uid) {
        lock.lock();
        try {
            return members.remove(uid) != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> members() {
        lock.lock();
        try {
            return List.copyOf(members.keySet());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<String> frontendOf(String uid) {
        lock.lock();
        try {
            return Optional.ofNullable(members.get(uid));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return members.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pushMessage(String route, Object message) {
        service.push(route, message, byFrontend(null));
    }

    @Override
    public void pushMessage(String route, Object message, List<String> uids) {
        service.push(route, message, byFrontend(uids));
    }

    private Map<String, List<String>> byFrontend(List<String> only) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        lock.lock();
        try {
            if (only == null) {
                members.forEach((uid, frontend) -> groups.computeIfAbsent(frontend, f -> new ArrayList<>()).add(uid));
            } else {
                for (String uid : only) {
                    String frontend = members.get(uid);
                    if (frontend != null) groups.computeIfAbsent(frontend, f -> new ArrayList<>()).add(uid);
                }
            }
        } finally {
            lock.unlock();
        }
        return groups;
    }
}
