package io.troupe.server.internal.app;

import io.troupe.server.Request;
import io.troupe.server.internal.connector.ClientLink;
import io.troupe.server.internal.connector.ConnectorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.util.function.Consumer;

/**
 * Connects the connector's callbacks (on Netty event loops, which must not block) to processes:
 * each request and notify runs in a new process of the server's runtime, and so does each
 * session's closed event.
 */
final class ConnectorBridge implements ConnectorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorBridge.class);
    private final ServerImpl server;

    ConnectorBridge(ServerImpl server) {
        this.server = server;
    }

    @Override
    public void connected(ClientLink link) {
        server.frontendSessions().opened(new FrontendSession(link, server.id(), server.frontendSessions()));
    }

    @Override
    public void request(ClientLink link, int id, String route, JsonNode body) {
        FrontendSession session = server.frontendSessions().get(link.id());
        if (session == null) return;
        server.runtime().spawn(() -> {
            JsonNode response = server.dispatcher().dispatch(new Request(route, body, session, false));
            try {
                link.respond(id, route, response);
            } catch (IllegalArgumentException doesNotFitProto) {
                LOG.warn("the response to {} does not fit its proto: {}", route, doesNotFitProto.getMessage());
                link.respond(id, route, Json.MAPPER.createObjectNode());
            }
        });
    }

    @Override
    public void notify(ClientLink link, String route, JsonNode body) {
        FrontendSession session = server.frontendSessions().get(link.id());
        if (session == null) return;
        server.runtime().spawn(() -> server.dispatcher().dispatch(new Request(route, body, session, true)));
    }

    @Override
    public void closed(ClientLink link, String reason) {
        FrontendSession session = server.frontendSessions().closed(link.id());
        if (session == null || session.closedListeners().isEmpty()) return;
        server.runtime().spawn(() -> {
            for (Consumer<String> listener : session.closedListeners()) {
                try {
                    listener.accept(reason);
                } catch (RuntimeException e) {
                    LOG.warn("a closed listener of {} failed", session, e);
                }
            }
        });
    }
}
