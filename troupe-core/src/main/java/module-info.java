/**
 * Troupe's process runtime: lightweight Erlang-style processes with mailboxes, selective receive,
 * registered names, links, monitors and trap-exit.
 *
 * <p>{@code io.troupe} is the API. {@code io.troupe.internal} holds the implementation and is
 * exported to nobody.
 */
module io.troupe.core {
    requires org.slf4j;

    // API
    exports io.troupe;

    // SPI: for distribution layers (troupe-node)
    exports io.troupe.spi;
}
