package io.troupe.server;

import tools.jackson.databind.JsonNode;

/**
 * One route's handler: the message and the session in, the response out.
 *
 * <p>Runs in a process of its own per request, so it may block (call remotes, wait). The response
 * may be a record, a map, a {@code JsonNode} or {@code null} (sent as {@code {}}); it is
 * converted to JSON (and to protobuf when the route has a server proto).
 */
@FunctionalInterface
public interface RequestHandler {

    Object handle(JsonNode message, Session session) throws Exception;
}
