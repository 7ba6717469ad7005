package io.troupe.rpc.internal;

import io.troupe.Pid;
import io.troupe.rpc.ServiceInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's replica of the service directory. Writes (rare: services coming and going) take a
 * lock and publish a new immutable snapshot; reads (every call, every routing decision) read the
 * snapshot without locking.
 */
final class Directory {
    /** An immutable view: by name, by type, by function; lists sorted by name. */
    private record Snapshot(Map<String, ServiceInfo> byName, Map<String, List<ServiceInfo>> byType,
                            Map<String, List<ServiceInfo>> byFunction, List<ServiceInfo> all) {
        static Snapshot of(Map<String, ServiceInfo> services) {
            List<ServiceInfo> all = new ArrayList<>(services.values());
            all.sort(Comparator.comparing(ServiceInfo::name));
            Map<String, List<ServiceInfo>> byType = new HashMap<>();
            Map<String, List<ServiceInfo>> byFunction = new HashMap<>();
            for (ServiceInfo info : all) {
                byType.computeIfAbsent(info.type(), t -> new ArrayList<>()).add(info);
                for (String f : info.functions()) byFunction.computeIfAbsent(f, x -> new ArrayList<>()).add(info);
            }
            byType.replaceAll((k, v) -> List.copyOf(v));
            byFunction.replaceAll((k, v) -> List.copyOf(v));
            return new Snapshot(Map.copyOf(services), Map.copyOf(byType), Map.copyOf(byFunction), List.copyOf(all));
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ServiceInfo> services = new HashMap<>();
    private volatile Snapshot snapshot = Snapshot.of(Map.of());

    ServiceInfo get(String name) {
        return snapshot.byName().get(name);
    }

    List<ServiceInfo> all() {
        return snapshot.all();
    }

    List<ServiceInfo> ofType(String type) {
        return snapshot.byType().getOrDefault(type, List.of());
    }

    List<ServiceInfo> providersOf(String function) {
        return snapshot.byFunction().getOrDefault(function, List.of());
    }

    /** Adds {@code info} unless another host holds its name; returns the holder (or {@code info}). */
    ServiceInfo putIfAbsent(ServiceInfo info) {
        lock.lock();
        try {
            ServiceInfo holder = services.putIfAbsent(info.name(), info);
            if (holder == null) snapshot = Snapshot.of(services);
            return holder == null ? info : holder;
        } finally {
            lock.unlock();
        }
    }

    /** Records what another node announced; its entries replace older ones of the same name. */
    void putAll(List<ServiceInfo> infos) {
        if (infos.isEmpty()) return;
        lock.lock();
        try {
            for (ServiceInfo info : infos) services.put(info.name(), info);
            snapshot = Snapshot.of(services);
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code name} if {@code host} still holds it. */
    boolean remove(String name, Pid host) {
        lock.lock();
        try {
            ServiceInfo info = services.get(name);
            if (info == null || !info.host().equals(host)) return false;
            services.remove(name);
            snapshot = Snapshot.of(services);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every service of {@code node}; returns them. */
    List<ServiceInfo> removeNode(String node) {
        lock.lock();
        try {
            List<ServiceInfo> gone = new ArrayList<>();
            services.values().removeIf(info -> {
                if (!info.node().equals(node)) return false;
                gone.add(info);
                return true;
            });
            if (!gone.isEmpty()) snapshot = Snapshot.of(services);
            return gone;
        } finally {
            lock.unlock();
        }
    }
}
