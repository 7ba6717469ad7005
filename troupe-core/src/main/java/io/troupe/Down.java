package io.troupe;

/**
 * The message a monitoring process receives when the monitored process ends, for any reason
 * (Erlang's {@code {'DOWN', Ref, process, Pid, Reason}}). Exactly one {@code Down} is delivered
 * per monitor, unless the monitor was removed first with {@code demonitor}. Monitoring a process
 * that does not exist yields a {@code Down} with {@link ExitReason#NOPROC} at once.
 *
 * @param ref    the monitor's reference, as returned by {@code monitor}
 * @param pid    the process that ended
 * @param reason why it ended
 */
public record Down(Ref ref, Pid pid, ExitReason reason) {
}
