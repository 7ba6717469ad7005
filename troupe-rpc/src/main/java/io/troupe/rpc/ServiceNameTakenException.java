package io.troupe.rpc;

/** Another live service holds the name. */
public final class ServiceNameTakenException extends RpcException {
    private final String name;

    public ServiceNameTakenException(String name, String holder) {
        super("the service name '" + name + "' is already registered" + (holder == null ? "" : " (by " + holder + ")"));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
