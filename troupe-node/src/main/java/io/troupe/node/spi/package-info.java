/**
 * Provider interfaces of Troupe nodes: {@link io.troupe.node.spi.Discovery} (how nodes find each
 * other) and {@link io.troupe.node.spi.Codec} (how messages become bytes).
 */
package io.troupe.node.spi;
