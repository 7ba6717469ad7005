/**
 * Nodes: runtimes that talk across JVMs. Start with {@link io.troupe.node.Node#start} and
 * {@link io.troupe.node.NodeOptions#named}.
 */
package io.troupe.node;
