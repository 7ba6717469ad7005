package io.troupe.node.internal;

import java.util.concurrent.atomic.LongAdder;

/** A node's counters; writers and readers add once per batch, not per message. */
final class Counters {
    final LongAdder framesSent = new LongAdder();
    final LongAdder framesReceived = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder writes = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder refused = new LongAdder();
}
