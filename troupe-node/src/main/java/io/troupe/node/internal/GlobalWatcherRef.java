package io.troupe.node.internal;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;

/** How the node talks to its {@link GlobalWatcher} process. */
record GlobalWatcherRef(TroupeRuntime runtime, Pid pid) {
    void watch(String name, Pid holder) {
        runtime.send(pid, new GlobalWatcher.Watch(name, holder));
    }

    void unwatch(String name) {
        runtime.send(pid, new GlobalWatcher.Unwatch(name));
    }
}
