package io.troupe.rpc;

import java.util.List;

/**
 * A function a service offers for remote calls.
 *
 * <p>Each call runs in a process of its own on the service's node, so the function may block
 * (receive, sleep, make nested calls) without holding up other calls. Arguments and the result
 * must be values the node's codec allows (strings, boxed primitives, JDK collections, records of
 * allowed types registered with {@code NodeOptions.withMessageTypes}); a local call passes them as
 * they are. A thrown exception reaches the caller as a {@link RemoteException} carrying its type
 * and message.
 */
@FunctionalInterface
public interface RpcFunction {

    /**
     * @param args the call's arguments, immutable
     * @return the result ({@code null} is allowed)
     */
    Object apply(List<Object> args) throws Exception;
}
