package io.troupe.rpc.internal;

import io.troupe.rpc.Invocation;
import io.troupe.rpc.Routing;
import io.troupe.rpc.ServiceInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Typed clients: a dynamic proxy whose methods are calls. */
final class Stubs {
    private Stubs() {
    }

    static <T> T create(Class<T> api, Routing routing, RpcRuntime rpc) {
        if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not an interface");
        Set<String> names = new HashSet<>();
        for (Method method : api.getMethods()) {
            if (method.getDeclaringClass() != Object.class && !method.isDefault() && !names.add(method.getName())) {
                throw new IllegalArgumentException(api.getName() + " overloads " + method.getName()
                        + ": functions are called by name, so each name must be one method");
            }
        }
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "Stub[" + api.getSimpleName() + " -> " + describe(routing) + "]";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
            String function = routing.function(method.getName());
            ServiceInfo target = routing.service() != null ? rpc.target(routing.service())
                    : routing.router().route(new Invocation(function, arguments), rpc.candidates(routing, function));
            Object result = rpc.call(target, function, arguments, routing.timeout());
            return convert(result, method.getReturnType());
        });
        return api.cast(proxy);
    }

    private static Object convert(Object result, Class<?> type) {
        if (type == void.class || type == Void.class) return null;
        if (result == null && type.isPrimitive()) {
            throw new IllegalStateException("the remote function returned null for a primitive " + type);
        }
        return result;
    }

    private static String describe(Routing routing) {
        if (routing.service() != null) return routing.service();
        return routing.type() != null ? "type " + routing.type() : "providers";
    }
}
