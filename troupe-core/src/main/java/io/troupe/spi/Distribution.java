package io.troupe.spi;

import io.troupe.ExitReason;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Ref;

/**
 * What a runtime asks of its distribution layer for processes of other nodes. Implemented by a
 * node transport (troupe-node) and attached with {@link RuntimeEndpoint#attach}.
 *
 * <h2>Invariants every implementation must keep</h2>
 * <ol>
 *   <li>No method blocks: each queues its work and returns (callers include handler processes
 *       and the exit path of processes). Work that cannot be queued is dropped and counted.</li>
 *   <li>Order: signals and messages from one local process to one remote process arrive in the
 *       order of the calls (Erlang's per-pair ordering).</li>
 *   <li>A call for a node that cannot be reached is handled as that node being down: the
 *       distribution layer reports it through {@link RuntimeEndpoint#nodeDown(String)} once.</li>
 *   <li>The remote side is driven through its own {@link RuntimeEndpoint}: every method here has a
 *       counterpart there ({@code send} → {@code deliver}, {@code link} → {@code linkFromRemote}, ...).</li>
 * </ol>
 */
public interface Distribution {

    /** Sends a message to a process of another node. */
    void send(Pid from, Pid to, Object message);

    /** Sends a message to a registered name on another node. */
    void send(Pid from, Name to, Object message);

    /** {@code local} has recorded a link to {@code remote}; the remote side must record it too. */
    void link(Pid local, Pid remote);

    /** {@code local} has removed its link to {@code remote}. */
    void unlink(Pid local, Pid remote);

    /** An exit signal from a local process to a remote one: through a link, or {@code exit(pid, reason)}. */
    void exit(Pid from, Pid to, ExitReason reason, boolean viaLink);

    /** {@code watcher} (local) starts monitoring {@code target} (remote) under {@code ref}. */
    void monitor(Ref ref, Pid watcher, Pid target);

    /** {@code watcher} stops monitoring {@code target}. */
    void demonitor(Ref ref, Pid watcher, Pid target);

    /** A local process that {@code watcher} (remote) monitored has ended. */
    void down(Ref ref, Pid watcher, Pid target, ExitReason reason);
}
