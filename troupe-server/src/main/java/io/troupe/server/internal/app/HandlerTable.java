package io.troupe.server.internal.app;

import io.troupe.server.RequestHandler;
import io.troupe.server.Server;
import io.troupe.server.Session;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The routes one server handles: every public method {@code (T message[, Session session])} of its
 * handler objects, plus routes registered one by one. Built once per server; read-only afterwards.
 */
final class HandlerTable {
    private final Map<String, RequestHandler> routes;

    private HandlerTable(Map<String, RequestHandler> routes) {
        this.routes = Map.copyOf(routes);
    }

    static HandlerTable build(AppDefinition app, Server server) {
        Map<String, RequestHandler> routes = new HashMap<>();
        for (AppDefinition.HandlerSpec spec : app.handlers().getOrDefault(server.type(), java.util.List.of())) {
            Object target = spec.factory().apply(server);
            for (Method method : target.getClass().getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) continue;
                RequestHandler handler = adapt(method, target);
                if (handler != null) routes.put(server.type() + "." + spec.name() + "." + method.getName(), handler);
            }
        }
        app.routes().forEach((route, handler) -> {
            if (route.startsWith(server.type() + ".")) routes.put(route, handler);
        });
        return new HandlerTable(routes);
    }

    /** The handler of {@code route}, or {@code null}. */
    RequestHandler get(String route) {
        return routes.get(route);
    }

    java.util.Set<String> routes() {
        return routes.keySet();
    }

    /** Whether {@code method} has a handler's shape: {@code (T message[, Session session])}, not static. */
    static boolean isHandler(Method method) {
        Class<?>[] params = method.getParameterTypes();
        return !Modifier.isStatic(method.getModifiers()) && params.length >= 1 && params.length <= 2
                && (params.length == 1 || params[1] == Session.class) && params[0] != Session.class;
    }

    private static RequestHandler adapt(Method method, Object target) {
        if (!isHandler(method)) return null;
        Class<?>[] params = method.getParameterTypes();
        Class<?> messageType = params[0];
        method.setAccessible(true);
        return (message, session) -> {
            Object argument = messageType == JsonNode.class ? message : convert(message, messageType);
            try {
                return params.length == 2 ? method.invoke(target, argument, session) : method.invoke(target, argument);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) throw ex;
                if (cause instanceof Error error) throw error;
                throw e;
            }
        };
    }

    private static Object convert(JsonNode message, Class<?> type) {
        try {
            return Json.MAPPER.treeToValue(message, type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the message does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
