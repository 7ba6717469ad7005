package io.troupe.node.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;

/** A listening socket of some transport; {@link #close()} unblocks {@link #accept()}. */
interface WireListener extends Closeable {

    /** Waits for the next connection. */
    Wire accept() throws IOException;

    /** The address peers dial, as published. */
    URI address();

    @Override
    void close();
}
