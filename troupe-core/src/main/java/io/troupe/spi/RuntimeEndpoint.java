package io.troupe.spi;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.TroupeRuntime;

/**
 * What a distribution layer may ask of the local runtime: the receiving end of every
 * {@link Distribution} call made on another node. All methods are thread-safe and non-blocking;
 * they may be called from a connection's reader thread.
 */
public interface RuntimeEndpoint {

    /**
     * Attaches a distribution layer to a runtime: from now on the runtime hands every operation on
     * a pid of another node to it. A runtime takes one distribution layer, once.
     *
     * @throws IllegalStateException if one is already attached
     */
    static RuntimeEndpoint attach(TroupeRuntime runtime, Distribution distribution) {
        return io.troupe.internal.Runtimes.attach(runtime, distribution);
    }

    /** This runtime's node name. */
    String node();

    /** This runtime's incarnation, carried in its pids. */
    int creation();

    /** The pid for (node, id, creation): a local process's own pid, or a value for a remote one. */
    Pid pid(String node, long id, int creation);

    /**
     * Delivers a message to a local pid; dropped if the process is dead. If the target is an idle
     * handler process, its batch runs on the calling thread before this returns (as Erlang runs a
     * process on the scheduler that read its message), which saves a thread wake-up per message;
     * so call it from a transport thread that holds no locks, never from a process.
     */
    void deliver(Pid to, Object message);

    /**
     * Delivers a message to a locally registered name.
     *
     * @return false if no process holds the name (the message is dropped)
     */
    boolean deliver(String name, Object message);

    /** {@code remote} linked to {@code local}; if {@code local} is dead, {@code remote} gets a NOPROC exit. */
    void linkFromRemote(Pid remote, Pid local);

    void unlinkFromRemote(Pid remote, Pid local);

    /** An exit signal from a remote process; {@code viaLink} as in {@link Distribution#exit}. */
    void exitFromRemote(Pid from, Pid to, ExitReason reason, boolean viaLink);

    /** A remote {@code watcher} monitors local {@code target}; a dead target is answered with NOPROC. */
    void monitorFromRemote(Ref ref, Pid watcher, Pid target);

    void demonitorFromRemote(Ref ref, Pid target);

    /** A remote process that local {@code watcher} monitored has ended. */
    void downFromRemote(Ref ref, Pid watcher, Pid target, ExitReason reason);

    /**
     * The connection to {@code node} is lost: links to its processes fire with
     * {@link ExitReason#NOCONNECTION}, monitors on them deliver {@code Down} with it, and monitors
     * its processes held on local ones are dropped.
     */
    void nodeDown(String node);
}
