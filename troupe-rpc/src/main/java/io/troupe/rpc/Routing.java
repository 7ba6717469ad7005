package io.troupe.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a stub's calls go: one named service, or one of the services of a type chosen by a
 * {@link Router}, with the timeout of each call.
 *
 * @param service the service to call, or {@code null} to route among services of {@code type}
 * @param type    with {@code service == null}: the type whose services are the candidates
 *                ({@code null}: every provider of the function called)
 * @param router  chooses among candidates (ignored for a named service)
 * @param timeout each call's deadline
 * @param namespace prefix of the function names: a method {@code m} calls {@code namespace.m}
 *                  ({@code null}: the bare method name)
 */
public record Routing(String service, String type, Router router, Duration timeout, String namespace) {
    /** The timeout of calls made without one: 5 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public Routing {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }

    /** Every call to the service named {@code service}. */
    public static Routing to(String service) {
        return new Routing(Objects.requireNonNull(service, "service"), null, Router.first(), DEFAULT_TIMEOUT, null);
    }

    /** Each call to one of the services of {@code type}, chosen by {@code router}. */
    public static Routing ofType(String type, Router router) {
        return new Routing(null, Objects.requireNonNull(type, "type"), router, DEFAULT_TIMEOUT, null);
    }

    /** Each call to one of the services that offer the function called, chosen by {@code router}. */
    public static Routing providers(Router router) {
        return new Routing(null, null, router, DEFAULT_TIMEOUT, null);
    }

    public Routing withTimeout(Duration each) {
        return new Routing(service, type, router, each, namespace);
    }

    /** Calls {@code prefix.method} instead of {@code method} (see {@link ServiceSpec#functions(String, Class, Object)}). */
    public Routing withNamespace(String prefix) {
        return new Routing(service, type, router, timeout, prefix);
    }

    /** The function a method of the stub calls. */
    public String function(String method) {
        return namespace == null ? method : namespace + "." + method;
    }
}
