package io.troupe.node.internal;

import io.troupe.Pid;
import io.troupe.node.RemoteFunction;
import io.troupe.node.SpawnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Remote spawn: functions registered by name, started on request from other nodes. */
final class RemoteSpawner {
    private final NodeImpl node;
    private final ConcurrentHashMap<String, RemoteFunction> functions = new ConcurrentHashMap<>();

    RemoteSpawner(NodeImpl node) {
        this.node = node;
    }

    void register(String name, RemoteFunction function) {
        functions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
    }

    Pid spawn(String target, String function, List<?> args) {
        Objects.requireNonNull(target, "node");
        Objects.requireNonNull(function, "function");
        List<Object> arguments = Collections.unmodifiableList(new ArrayList<>(args));
        if (target.equals(node.node())) {
            String error = check(function);
            if (error != null) throw new SpawnException(error);
            return start(function, arguments);
        }
        long deadline = System.nanoTime() + node.options().requestTimeout().toNanos();
        Control.Reply reply;
        try {
            reply = node.requests().call(target, id -> new Control.SpawnRequest(id, function, arguments), deadline);
        } catch (Requests.RemoteCallException e) {
            throw new SpawnException("cannot spawn '" + function + "' on " + target + ": " + e.getMessage());
        }
        if (reply.error() != null) throw new SpawnException(reply.error());
        return (Pid) reply.value();
    }

    /** Answers a spawn request from another node (on its connection's reader thread). */
    Control.Reply handle(Control.SpawnRequest request) {
        String error = check(request.function());
        if (error != null) return new Control.Reply(request.id(), null, error);
        try {
            return new Control.Reply(request.id(), start(request.function(), request.args()), null);
        } catch (RuntimeException e) {
            return new Control.Reply(request.id(), null, "cannot spawn '" + request.function() + "' on " + node.node() + ": " + e.getMessage());
        }
    }

    private String check(String function) {
        return functions.containsKey(function) ? null
                : "no function '" + function + "' is registered on node " + node.node() + " (Node.registerFunction)";
    }

    private Pid start(String name, List<Object> args) {
        RemoteFunction function = functions.get(name);
        List<Object> arguments = args == null ? List.of() : Collections.unmodifiableList(args);
        return node.runtime().spawn(() -> {
            try {
                function.run(arguments);
            } catch (Exception e) {
                throw Sneaky.<RuntimeException>rethrow(e);
            }
        });
    }

    /** Rethrows a checked exception unchanged, so the process's exit reason names its real type. */
    static final class Sneaky {
        private Sneaky() {
        }

        @SuppressWarnings("unchecked")
        static <E extends Throwable> E rethrow(Throwable error) throws E {
            throw (E) error;
        }
    }
}
