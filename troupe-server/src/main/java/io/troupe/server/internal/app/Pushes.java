package io.troupe.server.internal.app;

import io.troupe.server.internal.connector.ConnectorConfig;
import io.troupe.server.internal.connector.EncodedFrame;
import tools.jackson.databind.JsonNode;

import java.util.Collection;

/**
 * A frontend's side of pushes: encodes each push once and writes the frame to every receiving
 * session. Pushes to users with no open session here are dropped and counted.
 */
final class Pushes {
    private final FrontendSessions sessions;
    private final ConnectorConfig connector;

    Pushes(FrontendSessions sessions, ConnectorConfig connector) {
        this.sessions = sessions;
        this.connector = connector;
    }

    /** Pushes to the sessions of {@code uids}, or to every session ({@code uids == null}). */
    void deliver(String route, JsonNode body, Collection<String> uids, boolean boundOnly) {
        try (EncodedFrame frame = EncodedFrame.push(connector, route, body)) {
            long missed = 0;
            if (uids == null) {
                for (FrontendSession session : sessions.all()) {
                    if (!boundOnly || session.uid() != null) session.link.write(frame);
                }
            } else {
                for (String uid : uids) {
                    var targets = sessions.sessionsOf(uid);
                    if (targets.isEmpty()) missed++;
                    for (FrontendSession session : targets) session.link.write(frame);
                }
            }
            if (missed > 0) sessions.countDropped(missed);
        }
    }
}
