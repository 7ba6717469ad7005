package io.troupe.server.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A message with its route resolved through the dictionary and its body decoded (protobuf or JSON).
 *
 * @param type the message type
 * @param id the request id (REQUEST/RESPONSE), else 0
 * @param route the full route; for a RESPONSE, the route of the request it answers
 * @param body the body
 */
public record DecodedMessage(MessageType type, int id, String route, JsonNode body) {
}
