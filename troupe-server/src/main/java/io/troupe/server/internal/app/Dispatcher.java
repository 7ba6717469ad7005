package io.troupe.server.internal.app;

import io.troupe.rpc.RpcException;
import io.troupe.server.Filter;
import io.troupe.server.Request;
import io.troupe.server.RequestHandler;
import io.troupe.server.ServerInfo;
import io.troupe.server.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs client requests (pinus's server component): a request for this server's type goes through
 * the before filters, the handler and the after filters; a request for another type is forwarded
 * to the server its route function picks, with a snapshot of the session. Every failure becomes
 * an error response ({@code {"code": 500, "message": ...}}), never an exception to the connector.
 * Called in the request's own process.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

    private final ServerImpl server;
    private final HandlerTable handlers;
    private final List<Filter> filters;

    Dispatcher(ServerImpl server, HandlerTable handlers) {
        this.server = server;
        this.handlers = handlers;
        List<Filter> all = new ArrayList<>(server.app().filters());
        all.addAll(server.app().typeFilters().getOrDefault(server.type(), List.of()));
        this.filters = List.copyOf(all);
    }

    /** A request from a client of this (frontend) server. */
    JsonNode dispatch(Request request) {
        String[] parts = request.route().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Json.error(500, "bad route '" + request.route() + "': expected serverType.handler.method");
        }
        if (parts[0].equals(server.type())) return handle(request);
        return forward(request, parts[0]);
    }

    private JsonNode forward(Request request, String type) {
        List<ServerInfo> candidates = server.servers(type);
        if (candidates.isEmpty()) return Json.error(500, "no server of type '" + type + "' is running");
        ServerInfo target;
        try {
            target = server.app().routeFunction(type).route(request.session(), candidates);
        } catch (RuntimeException e) {
            return Json.error(500, "route function of '" + type + "' failed: " + e.getMessage());
        }
        Wire.SessionSnapshot snapshot = ((FrontendSession) request.session()).snapshot();
        try {
            Object answer = server.rpc().call(target.id(), Sys.FORWARD,
                    List.of(snapshot, request.route(), Json.write(request.body()), request.isNotify()), FORWARD_TIMEOUT);
            return Json.read((String) answer);
        } catch (RpcException e) {
            LOG.debug("forward of {} to {} failed", request.route(), target.id(), e);
            return Json.error(500, "server " + target.id() + " could not handle " + request.route() + ": " + e.getMessage());
        }
    }

    /** A request forwarded from a frontend: handled here, answered as JSON text. */
    String forwarded(Wire.SessionSnapshot snapshot, String route, String body, boolean notify) {
        Session session = new BackendSession(snapshot, server);
        return Json.write(handle(new Request(route, Json.read(body), session, notify)));
    }

    private JsonNode handle(Request request) {
        RequestHandler handler = handlers.get(request.route());
        if (handler == null) return Json.error(500, "no handler for route '" + request.route() + "' on server type '" + server.type() + "'");
        Object response = null;
        Throwable error = null;
        try {
            for (Filter filter : filters) {
                response = filter.before(request);
                if (response != null) break;
            }
            if (response == null) response = handler.handle(request.body(), request.session());
        } catch (Exception | LinkageError e) {
            error = e;
            response = errorResponse(e, request);
        }
        JsonNode tree;
        try {
            tree = Json.toTree(response);
        } catch (RuntimeException e) {
            error = e;
            tree = Json.toTree(errorResponse(e, request));
        }
        for (Filter filter : filters) {
            try {
                filter.after(request, tree, error);
            } catch (RuntimeException e) {
                LOG.warn("after filter {} failed on {}", filter, request.route(), e);
            }
        }
        return tree;
    }

    private Object errorResponse(Throwable error, Request request) {
        LOG.debug("handler of {} failed", request.route(), error);
        try {
            return server.app().errorHandler().handle(error, request);
        } catch (RuntimeException e) {
            return AppDefinition.DEFAULT_ERROR_HANDLER.handle(error, request);
        }
    }
}
