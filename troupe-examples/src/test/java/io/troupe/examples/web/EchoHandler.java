package io.troupe.examples.web;

import io.troupe.server.internal.connector.ClientLink;
import io.troupe.server.internal.connector.ConnectorHandler;
import io.troupe.server.protocol.MessageCodec;
import io.troupe.server.protocol.Protos;
import io.troupe.server.protocol.RouteDictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connector application for testing pomelo clients: echoes requests, pushes on demand, kicks on demand, and
 * records what it received and why links closed.
 *
 * <ul>
 *   <li>{@code test.echo.json} (JSON) → {@code {"echo": body, "transport": …}}; any route not listed here too.</li>
 *   <li>{@code test.echo.proto} (protobuf both ways, {@link #SAMPLE}) → the body itself.</li>
 *   <li>{@code test.echo.push {sample, plain}} → push {@code onSample} (compressed route, protobuf) with
 *       {@code sample}, push {@code plainPush} (plain route, JSON) with {@code plain}, then answer {@code {}}.</li>
 *   <li>{@code test.echo.kick {reason}} → KICK, no answer.</li>
 *   <li>notify (any route) → push {@code plainPush {"notified": body}}.</li>
 * </ul>
 */
final class EchoHandler implements ConnectorHandler {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message using every type the dialect has: strings, unsigned/zigzag varints, repeated, nested, floats. */
    static final String SAMPLE = """
            {"required string text": 1, "required uInt32 n": 2, "optional sInt32 delta": 3, "optional int32 small": 4,
             "repeated uInt32 codes": 5, "repeated string tags": 6, "repeated Item items": 7,
             "optional double ratio": 8, "optional float half": 9,
             "message Item": {"required string name": 1, "optional Point at": 2,
                              "message Point": {"required sInt32 x": 1, "required sInt32 y": 2}}}""";

    static final MessageCodec CODEC = new MessageCodec(
            RouteDictionary.build(List.of("test.echo.json", "test.echo.proto", "test.echo.push", "test.echo.kick"),
                    List.of("onSample")),
            Protos.parse(json("{\"onSample\": " + SAMPLE + ", \"test.echo.proto\": " + SAMPLE + "}"),
                    json("{\"test.echo.proto\": " + SAMPLE + "}")));

    final Map<String, JsonNode> received = new ConcurrentHashMap<>();
    final BlockingQueue<String> closed = new LinkedBlockingQueue<>();

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void connected(ClientLink link) {
    }

    @Override
    public void request(ClientLink link, int id, String route, JsonNode body) {
        received.put(route, body);
        switch (route) {
            case "test.echo.proto" -> link.respond(id, route, body);
            case "test.echo.push" -> {
                link.push("onSample", body.get("sample"));
                link.push("plainPush", body.get("plain"));
                link.respond(id, route, JSON.createObjectNode());
            }
            case "test.echo.kick" -> link.kick(body.path("reason").asString("kicked"));
            default -> {
                ObjectNode answer = JSON.createObjectNode();
                answer.set("echo", body);
                answer.put("transport", link.transport());
                link.respond(id, route, answer);
            }
        }
    }

    @Override
    public void notify(ClientLink link, String route, JsonNode body) {
        received.put(route, body);
        ObjectNode push = JSON.createObjectNode();
        push.set("notified", body);
        link.push("plainPush", push);
    }

    @Override
    public void closed(ClientLink link, String reason) {
        closed.add(reason);
    }
}
