/**
 * How an app runs: its directory ({@link io.troupe.server.internal.master.AppHome}), the master's
 * control endpoint (a node serving the RPC service {@code master}), the servers it manages in this
 * JVM or as one JVM per server (launched, watched and restarted), and the entry point of a server
 * JVM. Used by {@link io.troupe.server.cli}; not exported.
 */
package io.troupe.server.internal.master;
