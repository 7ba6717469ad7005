package io.troupe.node.internal;

import io.troupe.Pid;

import java.util.List;

/**
 * Node-to-node requests and notices, sent in CONTROL frames through the codec. The order of
 * {@link #TYPES} fixes their wire ids: append only.
 */
sealed interface Control {
    List<Class<?>> TYPES = List.of(Reply.class, SpawnRequest.class, GlobalLock.class, GlobalCommit.class,
            GlobalUnlock.class, GlobalRemove.class, GlobalSync.class);

    /** The answer to a request with the same id: a value, or an error text. */
    record Reply(long id, Object value, String error) implements Control {
    }

    /** Start {@code function} with {@code args}; answered with the pid. */
    record SpawnRequest(long id, String function, List<Object> args) implements Control {
    }

    /** Lock {@code name} for registration {@code attempt}; answered GRANTED, LOCKED or TAKEN. */
    record GlobalLock(long id, long attempt, String name, Pid pid) implements Control {
    }

    /** Register {@code name} to {@code pid} under the lock of {@code attempt}; answered true or false. */
    record GlobalCommit(long id, long attempt, String name, Pid pid) implements Control {
    }

    /** Release the lock of {@code attempt}. */
    record GlobalUnlock(long attempt, String name) implements Control {
    }

    /** {@code name} no longer belongs to {@code pid}. */
    record GlobalRemove(String name, Pid pid) implements Control {
    }

    /** The global names the sending node owns, sent when a connection comes up. */
    record GlobalSync(List<String> names, List<Pid> pids) implements Control {
    }
}
