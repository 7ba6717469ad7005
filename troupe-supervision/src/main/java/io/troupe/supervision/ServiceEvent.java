package io.troupe.supervision;

import io.troupe.ExitReason;
import io.troupe.Pid;

/**
 * The message a subscriber of a {@link ServiceManager} receives for every state transition of every
 * service, in the order they happen.
 *
 * @param service the service's name
 * @param from    the state it left
 * @param to      the state it entered
 * @param pid     the service's process when {@code to} is RUNNING or STOPPING, else {@code null}
 * @param reason  for FAILED, EXITED and STOPPED: the exit reason of the process (or of its start),
 *                when there was one; else {@code null}
 * @param attempt the retry count: 0 for a first start, n for the n-th retry in a row
 */
public record ServiceEvent(String service, ServiceState from, ServiceState to, Pid pid, ExitReason reason, int attempt) {
}
