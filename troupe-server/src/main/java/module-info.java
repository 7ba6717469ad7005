/**
 * Troupe's application server: pinus/pomelo's model (gate, connectors and backend servers from
 * {@code servers.json}, sessions, handlers, remotes, channels) on Troupe nodes, speaking the
 * pomelo client protocol exactly.
 */
module io.troupe.server {
    requires transitive io.troupe.core;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires transitive tools.jackson.databind;
    requires org.slf4j;

    // exports io.troupe.server;  (uncomment when the package has its first class)
    exports io.troupe.server.config;
    exports io.troupe.server.protocol;
    exports io.troupe.server.client;
}
