/**
 * Troupe node discovery through ZooKeeper: each node's publication is an ephemeral znode, so it
 * vanishes when the node's ZooKeeper session ends. {@code io.troupe.zookeeper} is the API;
 * {@code io.troupe.zookeeper.internal} is the implementation, exported to nobody.
 *
 * <p>ZooKeeper's jars {@code zookeeper} and {@code zookeeper-jute} share packages, so they cannot
 * both be modules: run this module and them on the class path (or, on the module path, keep jute
 * on the class path and add {@code --add-reads io.troupe.zookeeper=ALL-UNNAMED}).
 */
module io.troupe.zookeeper {
    requires transitive io.troupe.node;
    requires curator.client;
    requires curator.framework;
    requires curator.recipes;
    requires zookeeper;
    requires org.slf4j;

    exports io.troupe.zookeeper;
}
