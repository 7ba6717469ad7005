package io.troupe.rpc.internal;

import io.troupe.node.spi.MessageTypeProvider;
import io.troupe.rpc.ServiceInfo;

import java.util.List;

/** Adds the RPC layer's records to every node's allowlist. */
public final class RpcMessageTypes implements MessageTypeProvider {
    @Override
    public List<Class<?>> messageTypes() {
        return List.of(ServiceInfo.class, Protocol.Request.class, Protocol.CancelCall.class, Protocol.Message.class,
                Protocol.Reply.class, Protocol.Failure.class, Protocol.Announce.class, Protocol.Withdraw.class,
                Protocol.Hello.class);
    }
}
