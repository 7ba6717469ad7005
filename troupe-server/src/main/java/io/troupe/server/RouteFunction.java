package io.troupe.server;

import java.util.List;

/**
 * Chooses the server of a type that serves a session's request or remote call (pinus's
 * {@code app.route}). The default for every type is {@code crc32(uid) % n} over the live servers
 * sorted by id ({@link #byUid()}).
 *
 * <p>Called on the requesting server for every forwarded request and routed remote call, with the
 * live servers of the type (never empty). Must be fast and must not block.
 */
@FunctionalInterface
public interface RouteFunction {

    /** Returns the chosen server (one of {@code servers}). */
    ServerInfo route(Session session, List<ServerInfo> servers);

    /** {@code crc32(session.uid()) % n}; an unbound session goes to the first server. */
    static RouteFunction byUid() {
        return (session, servers) -> byKey(session.uid(), servers);
    }

    /** {@code crc32(session.get(key)) % n}: for example the room a chat session joined. */
    static RouteFunction bySetting(String key) {
        return (session, servers) -> byKey(session.get(key).map(Object::toString).orElse(null), servers);
    }

    /**
     * Rendezvous (highest random weight) hashing on the setting {@code key}: each key goes to the
     * server with the highest {@code crc32(key + "@" + serverId)}. When a server goes, only its
     * keys move; when one comes, only the keys it wins move (with {@code % n} nearly all move).
     * Use it for state that lives on the chosen server, such as chat rooms.
     */
    static RouteFunction stableBySetting(String key) {
        return (session, servers) -> stableByKey(session.get(key).map(Object::toString).orElse(null), servers);
    }

    /** The server rendezvous hashing picks for {@code key} ({@code key == null}: the first). */
    static ServerInfo stableByKey(String key, List<ServerInfo> servers) {
        if (key == null) return servers.getFirst();
        ServerInfo best = null;
        long bestWeight = -1;
        for (ServerInfo server : servers) {
            long weight = io.troupe.rpc.Router.crc32(key + "@" + server.id());
            if (weight > bestWeight) {
                best = server;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** The server at {@code crc32(key) % n} ({@code key == null}: the first). */
    static ServerInfo byKey(String key, List<ServerInfo> servers) {
        if (key == null) return servers.getFirst();
        return servers.get((int) (io.troupe.rpc.Router.crc32(key) % servers.size()));
    }
}
