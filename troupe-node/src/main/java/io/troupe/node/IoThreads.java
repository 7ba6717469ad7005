package io.troupe.node;

/**
 * The kind of thread that reads and writes each connection (one reader and one writer per
 * connection to another node; there are as many connections as peer nodes, not clients).
 */
public enum IoThreads {
    /**
     * The default: platform threads. A reader blocked on its socket is woken by the kernel
     * directly; a virtual thread is woken through the JDK's poller and then its carrier, a second
     * thread wake-up that doubled the remote round trip on the 2-core build machine (p50 ~95 us
     * against ~35-70 us). Connections are few and long-lived, so their threads cost little.
     */
    PLATFORM,

    /** Virtual threads: no platform thread per connection, at the cost of latency. */
    VIRTUAL
}
