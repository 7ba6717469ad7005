package io.troupe.node;

/**
 * What a node does when the outbound queue of a connection is full
 * ({@link NodeOptions#outboundQueueLimit()} messages are waiting to be written). Sending never
 * blocks the sender in either case.
 */
public enum OverflowPolicy {
    /**
     * The default. The connection is closed and the peer is treated as down: links to its
     * processes fire with {@code NOCONNECTION}, monitors deliver {@code Down}, node monitors get
     * {@link NodeDown}. So a message is never lost silently while its connection stays up, which
     * keeps Erlang's guarantee; the next send reconnects.
     */
    DISCONNECT,

    /** The message that does not fit is dropped and counted ({@link NodeStats#droppedMessages()}). */
    DROP
}
