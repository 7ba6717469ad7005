package io.troupe.rpc;

/**
 * The service's process or node went away (or the connection to its node was lost) while the call
 * was in flight. The function may or may not have run.
 */
public final class RemoteDisconnectedException extends RpcException {
    public RemoteDisconnectedException(String message) {
        super(message);
    }
}
