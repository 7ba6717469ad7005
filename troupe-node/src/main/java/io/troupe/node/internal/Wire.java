package io.troupe.node.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One byte stream to a peer: a socket channel (TCP or Unix domain) or a TLS socket. Blocking;
 * meant for virtual threads. One thread reads and one thread writes at a time; {@link #close()} may
 * be called from any thread and unblocks both.
 */
interface Wire extends Closeable {

    /** Reads some bytes into {@code into}; returns -1 at end of stream. */
    int read(ByteBuffer into) throws IOException;

    /** Writes all of {@code from}, waiting for the socket as needed. */
    void write(ByteBuffer from) throws IOException;

    /** Whether {@link #tryWrite} can write without blocking (false for TLS streams). */
    boolean canTryWrite();

    /** Writes what the socket takes now, without waiting; returns the number of bytes. */
    int tryWrite(ByteBuffer from) throws IOException;

    /** Whether buffers for this wire should be direct (channels) or heap (TLS streams). */
    boolean prefersDirect();

    /** The peer's address, for logs. */
    String remote();

    @Override
    void close();

    default ByteBuffer allocate(int capacity) {
        return prefersDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }
}
