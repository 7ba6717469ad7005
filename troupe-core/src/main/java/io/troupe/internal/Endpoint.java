package io.troupe.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.spi.RuntimeEndpoint;

/** The runtime's side of distribution: what arrives from other nodes, applied to local processes. */
final class Endpoint implements RuntimeEndpoint {
    private final LocalRuntime runtime;

    Endpoint(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String node() {
        return runtime.node();
    }

    @Override
    public int creation() {
        return runtime.creation();
    }

    @Override
    public Pid pid(String node, long id, int creation) {
        if (node.equals(runtime.node()) && creation == runtime.creation()) {
            ProcessCell cell = runtime.resolve(new PidValue(node, id, creation));
            if (cell != null) return cell;
        }
        return new PidValue(node, id, creation);
    }

    @Override
    public void deliver(Pid to, Object message) {
        ProcessCell cell = runtime.resolve(to);
        if (cell != null) deliverTo(cell, message);
    }

    @Override
    public boolean deliver(String name, Object message) {
        return runtime.whereis(name).map(pid -> {
            deliverTo((ProcessCell) pid, message);
            return true;
        }).orElse(false);
    }

    /** An idle handler process handles a message from another node on the reader's thread. */
    private static void deliverTo(ProcessCell cell, Object message) {
        if (cell instanceof HandlerProcess handler) handler.tellInline(message); else cell.tell(message);
    }

    @Override
    public void linkFromRemote(Pid remote, Pid local) {
        ProcessCell cell = runtime.resolve(local);
        if (cell != null && cell.linkRemote(remote)) {
            runtime.noteInterest(cell, remote.node());
        } else {
            runtime.exitRemote(local, remote, ExitReason.NOPROC, true);
        }
    }

    @Override
    public void unlinkFromRemote(Pid remote, Pid local) {
        ProcessCell cell = runtime.resolve(local);
        if (cell != null) cell.unlinkRemote(remote);
    }

    @Override
    public void exitFromRemote(Pid from, Pid to, ExitReason reason, boolean viaLink) {
        ProcessCell cell = runtime.resolve(to);
        if (cell == null) return;
        if (viaLink) cell.linkExit(from, reason); else cell.exitSignal(from, reason);
    }

    @Override
    public void monitorFromRemote(Ref ref, Pid watcher, Pid target) {
        ProcessCell cell = runtime.resolve(target);
        if (cell != null && cell.addWatcher(ref, watcher)) {
            runtime.noteInterest(cell, watcher.node());
        } else {
            runtime.downRemote(ref, watcher, target, ExitReason.NOPROC);
        }
    }

    @Override
    public void demonitorFromRemote(Ref ref, Pid target) {
        ProcessCell cell = runtime.resolve(target);
        if (cell != null) cell.removeWatcher(ref);
    }

    @Override
    public void downFromRemote(Ref ref, Pid watcher, Pid target, ExitReason reason) {
        ProcessCell cell = runtime.resolve(watcher);
        if (cell != null) cell.deliverDown(ref, target, reason);
    }

    @Override
    public void nodeDown(String node) {
        runtime.nodeDown(node);
    }
}
