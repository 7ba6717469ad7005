module io.troupe.rpc {
    requires transitive io.troupe.core;
    requires transitive io.troupe.node;
    requires org.slf4j;
    exports io.troupe.rpc;

    opens io.troupe.rpc.internal to org.apache.fory.core;
    opens io.troupe.rpc to org.apache.fory.core;

    provides io.troupe.node.spi.MessageTypeProvider with io.troupe.rpc.internal.RpcMessageTypes;
}
