package io.troupe.server.internal.connector;

import tools.jackson.databind.JsonNode;

/**
 * The application side of a {@link HybridConnector}.
 *
 * <p><b>Threading:</b> every method is called on the connection's Netty event loop, one call at a time per link and
 * in the order the client's packages arrived. Implementations must not block (hand work to processes or other
 * threads); a call that blocks stalls every connection of that event loop. An exception thrown by a method is
 * logged (rate-limited) and otherwise ignored.
 *
 * <p><b>Lifecycle:</b> {@link #connected} once, after the client's handshake ack; then any number of
 * {@link #request}/{@link #notify}; then {@link #closed} exactly once. Connections that never complete the
 * handshake are never reported.
 */
public interface ConnectorHandler {
    /** The client acknowledged the handshake; the link is ready for pushes. */
    void connected(ClientLink link);

    /**
     * A REQUEST. Answer it (now or later, from any thread) with {@link ClientLink#respond(int, String, JsonNode)}
     * using the same id and route; pinus answers {@code {}} when a handler returns nothing.
     *
     * @param id the client's request id (≥ 1)
     * @param route the full route (decompressed through the dictionary)
     * @param body the decoded body (JSON or protobuf), never null
     */
    void request(ClientLink link, int id, String route, JsonNode body);

    /** A NOTIFY: like a request, but never answered. */
    void notify(ClientLink link, String route, JsonNode body);

    /**
     * The link is closed (by the client, a timeout, a protocol error, a kick, a slow-consumer cut or shutdown).
     * Called exactly once per link that was {@link #connected}; nothing can be sent afterwards.
     *
     * @param reason a short human-readable reason, e.g. {@code "client closed"}, {@code "heartbeat timeout"},
     *     {@code "kick: <reason>"}, {@code "slow consumer"}, {@code "protocol error: …"}, {@code "server shutdown"}
     */
    void closed(ClientLink link, String reason);
}
