module io.troupe.rpc {
    requires transitive io.troupe.core;
    requires transitive io.troupe.node;
    requires org.slf4j;
    // exports io.troupe.rpc;  (enabled with the first class)
}
