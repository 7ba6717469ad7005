package io.troupe.server;

import tools.jackson.databind.JsonNode;

/**
 * A client request (or notify) as filters and error handlers see it.
 *
 * @param route   {@code serverType.handler.method}
 * @param body    the message as the client sent it (JSON, or protobuf decoded to JSON)
 * @param session the client's session
 * @param isNotify whether the client expects no response
 */
public record Request(String route, JsonNode body, Session session, boolean isNotify) {

    /** The server type the route names. */
    public String serverType() {
        int dot = route.indexOf('.');
        return dot < 0 ? route : route.substring(0, dot);
    }
}
