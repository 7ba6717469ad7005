package io.troupe.node;

/**
 * Counters of a node since it started, read without locks (each is exact, the set is not a
 * consistent snapshot).
 *
 * @param connections      connections up now
 * @param framesSent       frames written, heartbeats included
 * @param framesReceived   frames read, heartbeats included
 * @param bytesSent        bytes written, frame headers included
 * @param bytesReceived    bytes read
 * @param writes           write calls; {@code framesSent / writes} is the write coalescing factor
 * @param droppedMessages  messages and signals not sent: queue overflow ({@link OverflowPolicy#DROP}),
 *                         closed connections, oversized or unencodable messages
 * @param rejectedMessages frames received that could not be decoded (unknown type, malformed)
 *                         and were skipped
 * @param refusedConnections handshakes refused or failed (wrong cookie, bad protocol, garbage)
 */
public record NodeStats(
        int connections,
        long framesSent,
        long framesReceived,
        long bytesSent,
        long bytesReceived,
        long writes,
        long droppedMessages,
        long rejectedMessages,
        long refusedConnections) {
}
