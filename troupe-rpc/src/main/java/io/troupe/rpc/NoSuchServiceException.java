package io.troupe.rpc;

/** No live service has the name (or no service of the type, or no provider of the function). */
public final class NoSuchServiceException extends RpcException {
    private final String service;

    public NoSuchServiceException(String service, String message) {
        super(message);
        this.service = service;
    }

    /** The name (or type, or function) that found nothing. */
    public String service() {
        return service;
    }
}
