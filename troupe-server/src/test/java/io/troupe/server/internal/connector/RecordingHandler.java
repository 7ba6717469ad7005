package io.troupe.server.internal.connector;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test application: records links, notifies and closes. Requests: {@code test.echo.call} answers its body,
 * {@code test.kick.me} kicks with {@code body.reason}, {@code test.push.me} pushes {@code onPush} then answers
 * {@code {}}; any other route answers {@code {}}.
 */
final class RecordingHandler implements ConnectorHandler {
    static final JsonMapper JSON = JsonMapper.shared();

    final BlockingQueue<ClientLink> connected = new LinkedBlockingQueue<>();
    final Map<Long, ClientLink> links = new ConcurrentHashMap<>();
    final Map<Long, String> closed = new ConcurrentHashMap<>();
    final BlockingQueue<String> notifies = new LinkedBlockingQueue<>();

    @Override
    public void connected(ClientLink link) {
        links.put(link.id(), link);
        connected.add(link);
    }

    @Override
    public void request(ClientLink link, int id, String route, JsonNode body) {
        switch (route) {
            case "test.echo.call" -> link.respond(id, route, body);
            case "test.kick.me" -> link.kick(body.path("reason").asString());
            case "test.push.me" -> {
                link.push("onPush", body);
                link.respond(id, route, JSON.createObjectNode());
            }
            default -> link.respond(id, route, JSON.createObjectNode());
        }
    }

    @Override
    public void notify(ClientLink link, String route, JsonNode body) {
        notifies.add(route + " " + body);
    }

    @Override
    public void closed(ClientLink link, String reason) {
        String before = closed.put(link.id(), reason);
        if (before != null) {
            throw new AssertionError("closed twice: " + link);
        }
        links.remove(link.id());
    }

    static ObjectNode obj(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
