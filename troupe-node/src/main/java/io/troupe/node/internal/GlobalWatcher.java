package io.troupe.node.internal;

import io.troupe.Down;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;

import java.util.HashMap;
import java.util.Map;

/**
 * A handler process on each node that monitors the local processes holding global names, so a name
 * is removed everywhere when its process ends. Its messages never leave the node.
 */
final class GlobalWatcher implements Handler {
    record Watch(String name, Pid pid) {
    }

    record Unwatch(String name) {
    }

    private final GlobalProtocol protocol;
    private final Map<Ref, String> names = new HashMap<>();
    private final Map<String, Ref> refs = new HashMap<>();

    GlobalWatcher(GlobalProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void handle(Object message) {
        switch (message) {
            case Watch(String name, Pid pid) -> {
                Ref ref = Troupe.monitor(pid);
                Ref previous = refs.put(name, ref);
                if (previous != null) {
                    names.remove(previous);
                    Troupe.demonitor(previous);
                }
                names.put(ref, name);
            }
            case Unwatch(String name) -> {
                Ref ref = refs.remove(name);
                if (ref != null) {
                    names.remove(ref);
                    Troupe.demonitor(ref);
                }
            }
            case Down down -> {
                String name = names.remove(down.ref());
                if (name != null) {
                    refs.remove(name, down.ref());
                    protocol.ownerExited(name, down.pid());
                }
            }
            default -> {
                // nothing else is sent here
            }
        }
    }
}
