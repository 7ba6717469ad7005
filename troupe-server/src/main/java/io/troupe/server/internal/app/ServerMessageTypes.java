package io.troupe.server.internal.app;

import io.troupe.node.spi.MessageTypeProvider;

import java.util.List;

/** Adds the app server's records to every node's allowlist. */
public final class ServerMessageTypes implements MessageTypeProvider {
    @Override
    public List<Class<?>> messageTypes() {
        return List.of(Wire.SessionSnapshot.class, Wire.Push.class);
    }
}
