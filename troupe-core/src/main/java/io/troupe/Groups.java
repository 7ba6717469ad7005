package io.troupe;

import io.troupe.internal.ProcessApi;

import java.util.Set;

/**
 * Process groups, as Erlang's {@code pg} and Wippy's {@code pg}: named sets of processes for
 * publish/subscribe. A process may join a group several times and is a member until it has left as
 * many times, or exits. Membership is per runtime (node); every call acts in the calling process's
 * runtime.
 */
public final class Groups {
    private Groups() {
    }

    /** The calling process joins {@code group}. */
    public static void join(String group) {
        ProcessApi.groupJoin(group, Troupe.self());
    }

    /** {@code pid} (a live local process) joins {@code group}. */
    public static void join(String group, Pid pid) {
        ProcessApi.groupJoin(group, pid);
    }

    /** The calling process leaves {@code group} once. Returns whether it was a member. */
    public static boolean leave(String group) {
        return ProcessApi.groupLeave(group, Troupe.self());
    }

    /** {@code pid} leaves {@code group} once. Returns whether it was a member. */
    public static boolean leave(String group, Pid pid) {
        return ProcessApi.groupLeave(group, pid);
    }

    /** The members of {@code group}, each once. */
    public static Set<Pid> members(String group) {
        return ProcessApi.groupMembers(group);
    }

    /** The names of the groups that have members. */
    public static Set<String> groups() {
        return ProcessApi.groupNames();
    }

    /** Sends {@code message} to every member of {@code group} except the caller; returns how many. */
    public static int broadcast(String group, Object message) {
        return ProcessApi.groupBroadcast(group, message, Troupe.self());
    }

    /** Starts receiving {@link GroupEvent}s for {@code group}; see {@link GroupMonitor}. */
    public static GroupMonitor monitor(String group) {
        return ProcessApi.groupMonitor(group, Troupe.self());
    }

    /** Stops a group monitor. */
    public static boolean demonitor(GroupMonitor monitor) {
        return ProcessApi.groupDemonitor(monitor.ref());
    }
}
