package io.troupe.rpc;

/** The service exists but does not offer the function. */
public final class NoSuchFunctionException extends RpcException {
    private final String service;
    private final String function;

    public NoSuchFunctionException(String service, String function) {
        super("service '" + service + "' has no function '" + function + "'");
        this.service = service;
        this.function = function;
    }

    public String service() {
        return service;
    }

    public String function() {
        return function;
    }
}
