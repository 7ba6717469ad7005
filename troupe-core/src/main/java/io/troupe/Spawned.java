package io.troupe;

/**
 * The result of an atomic spawn-and-monitor.
 *
 * @param pid     the new process
 * @param monitor the monitor on it, as {@code monitor(pid)} would return
 */
public record Spawned(Pid pid, Ref monitor) {
}
