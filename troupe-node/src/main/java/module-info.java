/**
 * Troupe nodes: a {@link io.troupe.TroupeRuntime} that talks to runtimes in other JVMs, on this
 * machine or others, with Erlang's distribution model (node names {@code name@host}, cookies,
 * location-transparent pids, links and monitors across nodes, global names).
 *
 * <p>{@code io.troupe.node} is the API; {@code io.troupe.node.spi} holds the provider interfaces
 * (discovery, codecs); {@code io.troupe.node.internal} is the implementation and is exported to
 * nobody. It is opened to Apache Fory, which encodes Troupe's own control records.
 */
module io.troupe.node {
    requires transitive io.troupe.core;
    requires org.apache.fory.core;
    requires org.slf4j;

    // API
    exports io.troupe.node;

    // SPI: discovery providers and codecs
    exports io.troupe.node.spi;

    opens io.troupe.node.internal to org.apache.fory.core;

    uses io.troupe.node.spi.MessageTypeProvider;
}
