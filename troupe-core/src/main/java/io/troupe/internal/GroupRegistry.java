package io.troupe.internal;

import io.troupe.GroupEvent;
import io.troupe.GroupMonitor;
import io.troupe.Pid;
import io.troupe.Ref;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: the process groups of one runtime. One lock guards all groups: membership changes are
 * rare next to messages, and one lock makes every watcher see changes in the one order they
 * happened. A member's exit is reported by the runtime (memberExited), so dead pids never stay.
 */
final class GroupRegistry {
    private final LocalRuntime runtime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<ProcessCell, Integer>> members = new HashMap<>();
    private final Map<String, Map<Ref, ProcessCell>> watchers = new HashMap<>();
    private final Map<Ref, String> watchedGroup = new HashMap<>();
    private final Map<ProcessCell, Set<String>> memberships = new ConcurrentHashMap<>();
    private final Set<ProcessCell> watcherCells = ConcurrentHashMap.newKeySet();

    GroupRegistry(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    private ProcessCell live(Pid pid) {
        ProcessCell cell = runtime.resolve(pid);
        if (cell == null || !cell.isAlive()) {
            throw new IllegalArgumentException(pid + " is not a live process of node " + runtime.node());
        }
        return cell;
    }

    void join(String group, Pid pid) {
        ProcessCell cell = live(pid);
        lock.lock();
        try {
            if (!cell.isAlive()) return;
            int count = members.computeIfAbsent(group, g -> new HashMap<>()).merge(cell, 1, Integer::sum);
            memberships.computeIfAbsent(cell, c -> ConcurrentHashMap.newKeySet()).add(group);
            if (count == 1) notify(group, new GroupEvent.Joined(group, cell));
        } finally {
            lock.unlock();
        }
    }

    boolean leave(String group, Pid pid) {
        ProcessCell cell = runtime.resolve(pid);
        if (cell == null) return false;
        lock.lock();
        try {
            Map<ProcessCell, Integer> groupMembers = members.get(group);
            Integer count = groupMembers == null ? null : groupMembers.get(cell);
            if (count == null) return false;
            if (count > 1) {
                groupMembers.put(cell, count - 1);
                return true;
            }
            removeMember(group, groupMembers, cell);
            Set<String> joined = memberships.get(cell);
            if (joined != null) joined.remove(group);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void removeMember(String group, Map<ProcessCell, Integer> groupMembers, ProcessCell cell) {
        groupMembers.remove(cell);
        if (groupMembers.isEmpty()) members.remove(group);
        notify(group, new GroupEvent.Left(group, cell));
    }

    /** Called by the runtime when a process exits; cheap for processes that never used groups. */
    void memberExited(ProcessCell cell) {
        Set<String> joined = memberships.remove(cell);
        boolean watched = watcherCells.remove(cell);
        if (joined == null && !watched) return;
        lock.lock();
        try {
            if (joined != null) {
                for (String group : joined) {
                    Map<ProcessCell, Integer> groupMembers = members.get(group);
                    if (groupMembers != null && groupMembers.containsKey(cell)) removeMember(group, groupMembers, cell);
                }
            }
            if (watched) {
                for (var groups = watchers.values().iterator(); groups.hasNext(); ) {
                    Map<Ref, ProcessCell> byRef = groups.next();
                    byRef.entrySet().removeIf(entry -> entry.getValue() == cell && watchedGroup.remove(entry.getKey()) != null);
                    if (byRef.isEmpty()) groups.remove();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    Set<Pid> members(String group) {
        lock.lock();
        try {
            Map<ProcessCell, Integer> groupMembers = members.get(group);
            return groupMembers == null ? Set.of() : Set.copyOf(groupMembers.keySet());
        } finally {
            lock.unlock();
        }
    }

    Set<String> groups() {
        lock.lock();
        try {
            return Set.copyOf(members.keySet());
        } finally {
            lock.unlock();
        }
    }

    int broadcast(String group, Object message, Pid except) {
        int sent = 0;
        for (Pid member : members(group)) {
            if (member.equals(except)) continue;
            ((ProcessCell) member).tell(message);
            sent++;
        }
        return sent;
    }

    GroupMonitor monitor(String group, Pid watcherPid) {
        ProcessCell watcher = live(watcherPid);
        Ref ref = runtime.newRef();
        lock.lock();
        try {
            watchers.computeIfAbsent(group, g -> new HashMap<>()).put(ref, watcher);
            watcherCells.add(watcher);
            watchedGroup.put(ref, group);
            Map<ProcessCell, Integer> groupMembers = members.get(group);
            return new GroupMonitor(ref, groupMembers == null ? Set.of() : Set.copyOf(groupMembers.keySet()));
        } finally {
            lock.unlock();
        }
    }

    boolean demonitor(Ref ref) {
        lock.lock();
        try {
            String group = watchedGroup.remove(ref);
            if (group == null) return false;
            Map<Ref, ProcessCell> byRef = watchers.get(group);
            if (byRef != null) {
                byRef.remove(ref);
                if (byRef.isEmpty()) watchers.remove(group);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void notify(String group, GroupEvent event) {
        Map<Ref, ProcessCell> byRef = watchers.get(group);
        if (byRef != null) byRef.values().forEach(watcher -> watcher.tell(event));
    }
}
