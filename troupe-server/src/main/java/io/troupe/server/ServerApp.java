package io.troupe.server;

import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.app.AppDefinition;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An application: the handlers, remotes, routes, filters and connector settings of each server
 * type (pinus's {@code app.ts} plus the {@code app/servers/<type>/} directories), started on the
 * servers of a {@code servers.json}.
 * <pre>{@code
 * ServerApp app = ServerApp.builder()
 *         .handler("connector", "entryHandler", EntryHandler::new)     // routes connector.entryHandler.*
 *         .remote("chat", "chatRemote", ChatRemote.class, ChatRemoteImpl::new)
 *         .route("chat", RouteFunction.bySetting("rid"))
 *         .connector("connector", ConnectorSettings.defaults().withHeartbeat(Duration.ofSeconds(3)))
 *         .build();
 * try (ServerApp.Cluster cluster = app.start(AppConfig.load(configDir, "development"))) { ... }
 * }</pre>
 *
 * <h2>Lifecycle of a server</h2>
 * <pre>
 *   node up ─▶ connected to the other servers ─▶ remotes and sys functions served
 *           ─▶ connector listening (frontends) ─▶ onStart hooks ─▶ serving
 *   close: connector closed (clients see the connection end) ─▶ onStop hooks ─▶ node closed
 * </pre>
 */
public interface ServerApp {

    static Builder builder() {
        return new AppDefinition.Builder();
    }

    /**
     * Starts every server of {@code config} in this JVM, each a Troupe node, found through an
     * in-memory discovery (the embedded default: nothing else to run).
     */
    Cluster start(AppConfig config);

    /**
     * Starts the one server {@code serverId} of {@code config} in this JVM; it finds the others
     * through {@code options}' discovery (for one JVM per server).
     */
    RunningServer startServer(AppConfig config, String serverId, ServerOptions options);

    /** The servers of an app running in this JVM. */
    interface Cluster extends AutoCloseable {

        /** The running servers, in {@code servers.json} order. */
        java.util.List<RunningServer> servers();

        /** The running server {@code id}. */
        java.util.Optional<RunningServer> server(String id);

        /** Stops the servers, frontends first. */
        @Override
        void close();
    }

    /** One running server. */
    interface RunningServer extends AutoCloseable {

        Server server();

        /** The port clients connect to (frontends), 0 for backends. */
        int clientPort();

        /** Stops the server: clients are disconnected, its services withdrawn, its node closed. */
        @Override
        void close();
    }

    /** How an app's servers are built. Not thread-safe; {@link #build()} freezes it. */
    interface Builder {

        /**
         * Handlers of {@code serverType}: every public method of the object {@code factory}
         * makes for each server, taking {@code (T message[, Session session])}, is route
         * {@code serverType.name.method}; {@code T} is {@code JsonNode} or a type Jackson can
         * read the message into.
         */
        Builder handler(String serverType, String name, Function<Server, ?> factory);

        /** One route's handler, {@code route} being {@code serverType.handler.method}. */
        Builder handle(String route, RequestHandler handler);

        /** A remote of {@code serverType}: functions {@code name.method} for every method of {@code api}. */
        <T> Builder remote(String serverType, String name, Class<T> api, Function<Server, ? extends T> factory);

        /** How requests and remote calls to {@code serverType} choose a server (default {@link RouteFunction#byUid()}). */
        Builder route(String serverType, RouteFunction function);

        /** A filter for every server type. */
        Builder filter(Filter filter);

        /** A filter for the handlers of {@code serverType}. */
        Builder filter(String serverType, Filter filter);

        Builder errorHandler(ErrorHandler handler);

        /** Client-facing settings of frontend servers of {@code serverType}. */
        Builder connector(String serverType, ConnectorSettings settings);

        /** Runs on each server once it serves. */
        Builder onStart(Consumer<Server> hook);

        /** Runs on each server before it stops. */
        Builder onStop(Consumer<Server> hook);

        ServerApp build();
    }

    /** Settings of a server started alone ({@link #startServer}). */
    record ServerOptions(io.troupe.node.spi.Discovery discovery, String cookie) {
        public ServerOptions {
            java.util.Objects.requireNonNull(discovery, "discovery");
        }
    }
}
