/**
 * Troupe's application server: pinus/pomelo's model (gate, connectors and backend servers from
 * {@code servers.json}, sessions, handlers, remotes, channels) on Troupe nodes, speaking the
 * pomelo client protocol exactly.
 */
module io.troupe.server {
    requires transitive io.troupe.core;
    requires transitive io.troupe.rpc;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.handler;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires transitive tools.jackson.databind;
    requires org.slf4j;
    requires java.management;
    requires info.picocli;

    exports io.troupe.server;
    exports io.troupe.server.config;
    exports io.troupe.server.protocol;
    exports io.troupe.server.client;
    exports io.troupe.server.cli;

    opens io.troupe.server.cli to info.picocli;

    opens io.troupe.server.internal.app to org.apache.fory.core;
    provides io.troupe.node.spi.MessageTypeProvider with io.troupe.server.internal.app.ServerMessageTypes;
}
