package io.troupe.server.internal.master;

import java.util.List;
import java.util.Map;

/**
 * The servers a master runs: in its own JVM ({@link EmbeddedServers}) or one JVM each
 * ({@link ServerProcesses}). Thread-safe.
 */
public interface ManagedServers {

    /**
     * One row per configured server, in {@code servers.json} order: {@link Rows#ID}, {@link Rows#TYPE},
     * {@link Rows#STATE}, {@link Rows#RESTARTS} and, for a live server, what its {@code sys.info} said
     * (pid, uptimeMillis, heapUsedBytes, connections, clientPort).
     */
    List<Map<String, Object>> list();

    /**
     * Stops every server gracefully, frontends first, and returns when they are all stopped
     * (killing, after a bounded wait, those that would not stop). Idempotent.
     */
    void stop();
}
