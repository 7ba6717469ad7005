package io.troupe.rpc.internal;

import io.troupe.rpc.RpcFunction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an interface and its implementation into a service's functions (one per method name). */
public final class TypedServices {
    private TypedServices() {
    }

    public static <T> Map<String, RpcFunction> functions(Class<T> api, T implementation) {
        if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not an interface");
        if (!api.isInstance(implementation)) throw new IllegalArgumentException(implementation + " does not implement " + api.getName());
        Map<String, RpcFunction> functions = new LinkedHashMap<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) continue;
            RpcFunction previous = functions.put(method.getName(), function(method, implementation));
            if (previous != null) {
                throw new IllegalArgumentException(api.getName() + " overloads " + method.getName()
                        + ": functions are called by name, so each name must be one method");
            }
        }
        return functions;
    }

    private static RpcFunction function(Method method, Object target) {
        method.setAccessible(true);
        int arity = method.getParameterCount();
        return args -> {
            if (args.size() != arity) {
                throw new IllegalArgumentException(method.getName() + " takes " + arity + " arguments, got " + args.size());
            }
            try {
                return method.invoke(target, args.toArray());
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) throw ex;
                if (cause instanceof Error err) throw err;
                throw e;
            }
        };
    }
}
