package io.troupe.server.internal.app;

import io.troupe.server.ConnectorSettings;
import io.troupe.server.ErrorHandler;
import io.troupe.server.Filter;
import io.troupe.server.RequestHandler;
import io.troupe.server.RouteFunction;
import io.troupe.server.Server;
import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a {@link ServerApp.Builder} collected: immutable once built. */
public record AppDefinition(Map<String, List<HandlerSpec>> handlers, Map<String, RequestHandler> routes,
                            Map<String, List<RemoteSpec<?>>> remotes, Map<Class<?>, String> remoteNames,
                            Map<String, RouteFunction> routeFunctions, List<Filter> filters,
                            Map<String, List<Filter>> typeFilters, ErrorHandler errorHandler,
                            Map<String, ConnectorSettings> connectors, List<Consumer<Server>> onStart,
                            List<Consumer<Server>> onStop) implements ServerApp {

    record HandlerSpec(String name, Function<Server, ?> factory) {
    }

    record RemoteSpec<T>(String name, Class<T> api, Function<Server, ? extends T> factory) {
    }

    static final ErrorHandler DEFAULT_ERROR_HANDLER = (error, request) -> {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", 500);
        response.put("message", error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        return response;
    };

    RouteFunction routeFunction(String serverType) {
        return routeFunctions.getOrDefault(serverType, RouteFunction.byUid());
    }

    ConnectorSettings connector(String serverType) {
        return connectors.getOrDefault(serverType, ConnectorSettings.defaults());
    }

    @Override
    public Cluster start(AppConfig config) {
        return EmbeddedCluster.start(this, config);
    }

    @Override
    public RunningServer startServer(AppConfig config, String serverId, ServerOptions options) {
        return ServerImpl.start(this, config, serverId, options.discovery(), options.cookie());
    }

    /** Collects the definition. */
    public static final class Builder implements ServerApp.Builder {
        private final Map<String, List<HandlerSpec>> handlers = new HashMap<>();
        private final Map<String, RequestHandler> routes = new HashMap<>();
        private final Map<String, List<RemoteSpec<?>>> remotes = new HashMap<>();
        private final Map<Class<?>, String> remoteNames = new HashMap<>();
        private final Map<String, RouteFunction> routeFunctions = new HashMap<>();
        private final List<Filter> filters = new ArrayList<>();
        private final Map<String, List<Filter>> typeFilters = new HashMap<>();
        private ErrorHandler errorHandler = DEFAULT_ERROR_HANDLER;
        private final Map<String, ConnectorSettings> connectors = new HashMap<>();
        private final List<Consumer<Server>> onStart = new ArrayList<>();
        private final List<Consumer<Server>> onStop = new ArrayList<>();

        @Override
        public ServerApp.Builder handler(String serverType, String name, Function<Server, ?> factory) {
            handlers.computeIfAbsent(checkName(serverType), t -> new ArrayList<>()).add(new HandlerSpec(checkName(name), factory));
            return this;
        }

        @Override
        public ServerApp.Builder handle(String route, RequestHandler handler) {
            if (route.split("\\.", -1).length != 3) {
                throw new IllegalArgumentException("a route is serverType.handler.method, was '" + route + "'");
            }
            routes.put(route, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        @Override
        public <T> ServerApp.Builder remote(String serverType, String name, Class<T> api, Function<Server, ? extends T> factory) {
            if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not an interface");
            String previous = remoteNames.putIfAbsent(api, checkName(name));
            if (previous != null && !previous.equals(name)) {
                throw new IllegalArgumentException(api.getName() + " is already the remote '" + previous + "'");
            }
            remotes.computeIfAbsent(checkName(serverType), t -> new ArrayList<>()).add(new RemoteSpec<>(name, api, factory));
            return this;
        }

        @Override
        public ServerApp.Builder route(String serverType, RouteFunction function) {
            routeFunctions.put(checkName(serverType), Objects.requireNonNull(function, "function"));
            return this;
        }

        @Override
        public ServerApp.Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        @Override
        public ServerApp.Builder filter(String serverType, Filter filter) {
            typeFilters.computeIfAbsent(checkName(serverType), t -> new ArrayList<>()).add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        @Override
        public ServerApp.Builder errorHandler(ErrorHandler handler) {
            errorHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        @Override
        public ServerApp.Builder connector(String serverType, ConnectorSettings settings) {
            connectors.put(checkName(serverType), Objects.requireNonNull(settings, "settings"));
            return this;
        }

        @Override
        public ServerApp.Builder onStart(Consumer<Server> hook) {
            onStart.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        @Override
        public ServerApp.Builder onStop(Consumer<Server> hook) {
            onStop.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        @Override
        public ServerApp build() {
            Map<String, List<HandlerSpec>> h = new HashMap<>();
            handlers.forEach((k, v) -> h.put(k, List.copyOf(v)));
            Map<String, List<RemoteSpec<?>>> r = new HashMap<>();
            remotes.forEach((k, v) -> r.put(k, List.copyOf(v)));
            Map<String, List<Filter>> f = new HashMap<>();
            typeFilters.forEach((k, v) -> f.put(k, List.copyOf(v)));
            return new AppDefinition(Map.copyOf(h), Map.copyOf(routes), Map.copyOf(r), Map.copyOf(remoteNames),
                    Map.copyOf(routeFunctions), List.copyOf(filters), Map.copyOf(f), errorHandler, Map.copyOf(connectors),
                    List.copyOf(onStart), List.copyOf(onStop));
        }

        private static String checkName(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_\\-]+")) {
                throw new IllegalArgumentException("names of server types, handlers and remotes are letters, digits, '_' and '-': " + name);
            }
            return name;
        }
    }
}
