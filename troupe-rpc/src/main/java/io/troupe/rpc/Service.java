package io.troupe.rpc;

import io.troupe.Source;

import java.time.Duration;

/**
 * A registered service, as seen by the code that registered it.
 *
 * <p>The service lives in a host process on this node. It ends, and its name is freed everywhere,
 * when {@link #close()} is called, when the process that registered it ends (if it was registered
 * from inside a process), or when its node goes down.
 */
public interface Service extends AutoCloseable {

    ServiceInfo info();

    /**
     * The messages sent to this service by name, oldest first. Several processes may take from it
     * at once; each message goes to exactly one of them. Waiting is a Troupe wait (use it from
     * threaded processes; {@link Source#onReceive()} works in a select).
     */
    Source<Object> messages();

    /** Takes the next message, waiting up to {@code timeout}; {@code null} on timeout. */
    default Object take(Duration timeout) {
        return messages().receive(timeout);
    }

    /** Messages dropped because the queue was full. */
    long dropped();

    /** Unregisters the service and stops its host; calls in flight fail with {@link RemoteDisconnectedException}. */
    @Override
    void close();
}
