package io.troupe;

/**
 * The message a process that traps exits receives instead of dying, when a linked process exits
 * or when someone calls {@code exit(pid, reason)} on it (Erlang's {@code {'EXIT', From, Reason}}).
 *
 * @param from   the process that exited, or that sent the exit signal
 * @param reason why
 */
public record Exit(Pid from, ExitReason reason) {
}
