package io.troupe.rpc;

/**
 * The function threw: its exception's type and message, as they crossed the wire (the exception
 * object itself does not cross).
 */
public final class RemoteException extends RpcException {
    private final String remoteType;
    private final String remoteMessage;

    public RemoteException(String service, String function, String remoteType, String remoteMessage) {
        super(service + "." + function + " failed: " + remoteType + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
    }

    /** The class name of the exception thrown by the function. */
    public String remoteType() {
        return remoteType;
    }

    /** Its message, possibly {@code null}. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
