package io.troupe.rpc;

import io.troupe.Pid;

import java.util.Objects;
import java.util.Set;

/**
 * What the name service knows of a service: enough to call it and to choose among providers.
 *
 * @param name      the service's name, unique in the cluster
 * @param type      a kind shared by interchangeable services (a pinus server type such as
 *                  {@code "chat"}); defaults to the name
 * @param node      the node the service runs on ({@code name@host}, or the runtime's node name)
 * @param host      the process that receives the service's calls and messages
 * @param functions  the functions it offers
 * @param attributes what the service says about itself (for example the port its clients use)
 */
public record ServiceInfo(String name, String type, String node, Pid host, Set<String> functions,
                          java.util.Map<String, String> attributes) {
    public ServiceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(host, "host");
        functions = Set.copyOf(functions);
        attributes = java.util.Map.copyOf(attributes);
    }

    /** Whether the service offers {@code function}. */
    public boolean offers(String function) {
        return functions.contains(function);
    }
}
