package io.troupe.supervision.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;

/**
 * The messages a service manager handles besides {@code Exit} and {@code Down}: commands from its
 * handles, its own timers (tagged with the start generation they belong to, so a stale timer is
 * recognised and dropped), and its starters' reports.
 */
final class ManagerMessages {
    private ManagerMessages() {
    }

    record StartService(String name) {}
    record StopService(String name) {}
    record Subscribe(Pid subscriber) {}
    record Unsubscribe(Pid subscriber) {}
    record StopAll() {}

    record RetryTimer(String name, int generation) {}
    record StartTimer(String name, int generation) {}
    record StopTimer(String name, int generation) {}

    /** From a starter: the service's process is up and linked to the starter. */
    record Started(String name, int generation, Pid pid) {}

    /** To a starter: the manager has linked the service; unlink and finish. */
    record Adopt() {}

    /**
     * A starter's exit reason when the service died while still linked to the starter only (before
     * the manager's link, which then reports {@code noproc}): carries the service's real reason.
     */
    record EarlyExit(ExitReason reason) {}
}
