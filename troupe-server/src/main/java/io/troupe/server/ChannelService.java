package io.troupe.server;

import java.util.List;
import java.util.Optional;

/**
 * The channels of one server, and pushes to users and frontends (pinus's {@code channelService}).
 * Thread-safe; pushing never blocks.
 */
public interface ChannelService {

    /** The channel {@code name}, created if absent. */
    Channel channel(String name);

    /** The channel {@code name}, if it exists. */
    Optional<Channel> find(String name);

    /** Removes the channel; returns whether it existed. */
    boolean destroy(String name);

    /** Pushes to users given with their frontend servers (pinus's {@code pushMessageByUids}). */
    void pushMessageByUids(String route, Object message, List<Receiver> receivers);

    /** Pushes to every session of every server of {@code frontendType}; with {@code boundOnly}, only sessions bound to a uid. */
    void broadcast(String frontendType, String route, Object message, boolean boundOnly);

    /** A push target: a uid on a frontend server. */
    record Receiver(String uid, String frontendId) {
    }
}
