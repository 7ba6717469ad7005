package io.troupe.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service to register: its name, type, functions and message queue.
 * <pre>{@code
 * rpc.serve(ServiceSpec.named("PlusServer")
 *         .function("Plus", args -> (Integer) args.get(0) + (Integer) args.get(1)));
 * }</pre>
 *
 * @param name            unique in the cluster
 * @param type            shared by interchangeable services, for routing; defaults to the name
 * @param functions       the functions offered, by name
 * @param messageCapacity how many messages sent by name may wait for a taker; when full, further
 *                        messages are dropped, counted and logged (a send never blocks)
 * @param attributes      published with the service in every node's directory ({@link ServiceInfo#attributes()})
 */
public record ServiceSpec(String name, String type, Map<String, RpcFunction> functions, int messageCapacity,
                          Map<String, String> attributes) {
    /** Default bound of a service's message queue. */
    public static final int DEFAULT_MESSAGE_CAPACITY = 10_000;

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a service name must not be blank");
        Objects.requireNonNull(type, "type");
        functions = Map.copyOf(functions);
        attributes = Map.copyOf(attributes);
        if (messageCapacity < 1) throw new IllegalArgumentException("messageCapacity must be >= 1, was " + messageCapacity);
    }

    /** A service with no functions yet, of type {@code name}. */
    public static ServiceSpec named(String name) {
        return new ServiceSpec(name, name, Map.of(), DEFAULT_MESSAGE_CAPACITY, Map.of());
    }

    /** Adds (or replaces) a function. */
    public ServiceSpec function(String function, RpcFunction body) {
        Map<String, RpcFunction> all = new LinkedHashMap<>(functions);
        all.put(Objects.requireNonNull(function, "function"), Objects.requireNonNull(body, "body"));
        return new ServiceSpec(name, type, all, messageCapacity, attributes);
    }

    /**
     * Adds every abstract method of {@code api}, implemented by {@code implementation}, as function
     * {@code namespace.method} (or {@code method} for a {@code null} namespace). Overloads are refused.
     */
    public <T> ServiceSpec functions(String namespace, Class<T> api, T implementation) {
        Map<String, RpcFunction> all = new LinkedHashMap<>(functions);
        io.troupe.rpc.internal.TypedServices.functions(api, implementation)
                .forEach((method, body) -> all.put(namespace == null ? method : namespace + "." + method, body));
        return new ServiceSpec(name, type, all, messageCapacity, attributes);
    }

    public ServiceSpec withType(String kind) {
        return new ServiceSpec(name, kind, functions, messageCapacity, attributes);
    }

    /** Adds (or replaces) an attribute. */
    public ServiceSpec attribute(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ServiceSpec(name, type, functions, messageCapacity, all);
    }

    public ServiceSpec withMessageCapacity(int capacity) {
        return new ServiceSpec(name, type, functions, capacity, attributes);
    }
}
