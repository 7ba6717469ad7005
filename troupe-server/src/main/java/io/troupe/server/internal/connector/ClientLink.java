package io.troupe.server.internal.connector;

import java.net.InetSocketAddress;
import tools.jackson.databind.JsonNode;

/**
 * One client connection of a {@link HybridConnector}, as the application sees it.
 *
 * <p><b>Threading:</b> thread-safe; any thread may call any method. {@link #respond} and {@link #push} encode on
 * the calling thread, then queue the bytes; queued writes of a link are written and flushed together once per
 * event-loop pass (no flush per write). Messages sent from one thread arrive in the order sent.
 *
 * <p><b>Limits:</b> sends to a link that is not (or no longer) connected are dropped silently. A link whose
 * unwritten bytes (queued plus in Netty's outbound buffer) exceed {@link ConnectorConfig#maxOutboundBytes()} is a
 * slow consumer: further sends are dropped and it is closed with reason {@code "slow consumer"}.
 */
public interface ClientLink {
    /** A number unique among this connector's links, assigned at accept time. */
    long id();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** {@code "ws"} or {@code "tcp"} ({@code "unknown"} before the client's first bytes). */
    String transport();

    /**
     * Answers request {@code requestId}.
     *
     * @param route the request's route, which selects the protobuf schema of the response
     * @throws IllegalArgumentException if {@code body} does not fit the route's proto (e.g. a required field is
     *     missing); nothing is sent then
     */
    void respond(int requestId, String route, JsonNode body);

    /**
     * Pushes a message; the route is compressed when it is in the dictionary and the body is protobuf when the
     * server protos have the route.
     *
     * @throws IllegalArgumentException if {@code body} does not fit the route's proto
     */
    void push(String route, JsonNode body);

    /** Sends a pre-encoded frame (a push encoded once for many links); the caller keeps its own reference. */
    void write(EncodedFrame frame);

    /** Sends KICK {@code {"reason":reason}} after what is already queued, then closes. */
    void kick(String reason);

    /** Closes the connection after what is already queued; {@link ConnectorHandler#closed} follows. */
    void close();

    /** Whether the link is connected (handshake acknowledged, not closed). */
    boolean isActive();
}
