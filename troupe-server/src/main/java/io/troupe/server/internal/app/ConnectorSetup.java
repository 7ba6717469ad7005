package io.troupe.server.internal.app;

import io.troupe.server.ConnectorSettings;
import io.troupe.server.Server;
import io.troupe.server.config.ServerConfig;
import io.troupe.server.internal.connector.ConnectorConfig;
import io.troupe.server.protocol.MessageCodec;
import io.troupe.server.protocol.Protos;
import io.troupe.server.protocol.RouteDictionary;

import java.util.Set;
import java.util.TreeSet;

/** Turns a frontend type's {@link ConnectorSettings} into the connector's configuration. */
final class ConnectorSetup {
    private ConnectorSetup() {
    }

    static ConnectorConfig config(AppDefinition app, Server server, ServerConfig config) {
        ConnectorSettings settings = app.connector(config.serverType());
        RouteDictionary dict = settings.useDict() ? RouteDictionary.build(handlerRoutes(app, server), settings.dictionary()) : null;
        Protos protos = settings.serverProtos() == null && settings.clientProtos() == null ? null
                : Protos.parse(orEmpty(settings.serverProtos()), orEmpty(settings.clientProtos()));
        return ConnectorConfig.builder()
                .host(config.clientHost().orElse(config.host()))
                .port(config.clientPort().orElseThrow(() -> new IllegalArgumentException(
                        "frontend server " + config.id() + " has no clientPort in servers.json")))
                .heartbeat(settings.heartbeat())
                .maxPackageSize(settings.maxPackageSize())
                .codec(new MessageCodec(dict, protos))
                .build();
    }

    private static tools.jackson.databind.JsonNode orEmpty(tools.jackson.databind.JsonNode node) {
        return node == null ? Json.MAPPER.createObjectNode() : node;
    }

    /**
     * Every handler route of the app, on every server type (pinus numbers them all): the handler
     * objects of each type are made once here to list their methods.
     */
    static Set<String> handlerRoutes(AppDefinition app, Server server) {
        Set<String> routes = new TreeSet<>(app.routes().keySet());
        app.handlers().forEach((type, specs) -> {
            for (AppDefinition.HandlerSpec spec : specs) {
                Object handler = spec.factory().apply(server);
                for (var method : handler.getClass().getMethods()) {
                    if (method.getDeclaringClass() != Object.class && HandlerTable.isHandler(method)) {
                        routes.add(type + "." + spec.name() + "." + method.getName());
                    }
                }
            }
        });
        return routes;
    }
}
