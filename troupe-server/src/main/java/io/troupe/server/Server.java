package io.troupe.server;

import io.troupe.TroupeRuntime;
import io.troupe.rpc.Rpc;

import java.util.List;
import java.util.Optional;

/**
 * One running server of the cluster (pinus's {@code app} as seen inside a server): what handlers
 * and remotes are given to do their work. Thread-safe.
 */
public interface Server {

    /** This server. */
    ServerInfo info();

    default String id() {
        return info().id();
    }

    default String type() {
        return info().type();
    }

    /** The live servers of {@code type}, sorted by id: current as servers come and go. */
    List<ServerInfo> servers(String type);

    /** This server's channels. */
    ChannelService channels();

    /** This server's client sessions (empty on a backend server). */
    SessionService sessions();

    /**
     * A client of the remote {@code api} on the server of {@code serverType} that the type's
     * {@link RouteFunction} chooses for {@code session} (pinus's
     * {@code app.rpc.<type>.<remote>.<method>(session, ...)}). Each method waits for the result.
     * @throws io.troupe.rpc.NoSuchServiceException (from a method) if no server of the type is live
     */
    <T> T remote(String serverType, Class<T> api, Session session);

    /** A client of the remote {@code api} on server {@code serverId} (pinus's {@code .toServer}). */
    <T> T remoteTo(String serverId, Class<T> api);

    /** The node's RPC layer, for services beyond the app's remotes. */
    Rpc rpc();

    /** The runtime this server's processes run in. */
    TroupeRuntime runtime();

    /** The value of {@code key} from this server's {@code servers.json} entry (its extra keys). */
    Optional<Object> setting(String key);
}
