package io.troupe.rpc;

import io.troupe.TroupeException;

/**
 * Why a call or a send by service name failed. The subclasses are the complete list, so a
 * {@code switch} over them is exhaustive.
 */
public abstract sealed class RpcException extends TroupeException
        permits NoSuchServiceException, NoSuchFunctionException, RemoteException, RemoteDisconnectedException,
        CallTimeoutException, ServiceNameTakenException {

    RpcException(String message) {
        super(message);
    }
}
