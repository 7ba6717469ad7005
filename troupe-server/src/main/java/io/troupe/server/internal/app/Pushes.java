package io.troupe.server.internal.app;

import io.troupe.server.internal.connector.ClientLink;
import io.troupe.server.internal.connector.HybridConnector;
import io.troupe.server.internal.connector.EncodedFrame;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A frontend's side of pushes: encodes each push once and hands the frame and its receiving
 * sessions to the connector, which writes it to each from their event loops in one task per loop.
 * Pushes to users with no open session here are dropped and counted.
 */
final class Pushes {
    private final FrontendSessions sessions;
    private final HybridConnector connector;

    Pushes(FrontendSessions sessions, HybridConnector connector) {
        this.sessions = sessions;
        this.connector = connector;
    }

    /** Pushes to the sessions of {@code uids}, or to every session ({@code uids == null}). */
    void deliver(String route, JsonNode body, Collection<String> uids, boolean boundOnly) {
        try (EncodedFrame frame = EncodedFrame.push(connector.config(), route, body)) {
            long missed = 0;
            List<ClientLink> links = new ArrayList<>(uids == null ? sessions.count() : uids.size());
            if (uids == null) {
                for (FrontendSession session : sessions.all()) {
                    if (!boundOnly || session.uid() != null) links.add(session.link);
                }
            } else {
                for (String uid : uids) {
                    var targets = sessions.sessionsOf(uid);
                    if (targets.isEmpty()) missed++;
                    for (FrontendSession session : targets) links.add(session.link);
                }
            }
            connector.writeAll(frame, links);
            if (missed > 0) sessions.countDropped(missed);
        }
    }
}
