package io.troupe.examples.pinuschat.cli;

import io.troupe.server.client.PomeloClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A user of the chat page: asks the gate for a connector, enters a room, chats. */
final class ChatUser implements AutoCloseable {
    static final long WAIT_SECONDS = 20;
    final String name;
    final PomeloClient client;
    final BlockingQueue<Map.Entry<String, JsonNode>> pushes = new LinkedBlockingQueue<>();

    private ChatUser(String name, PomeloClient client) {
        this.name = name;
        this.client = client;
        client.onPush((route, body) -> pushes.add(Map.entry(route, body)));
    }

    static ChatUser login(String name, int gatePort) {
        PomeloClient gate = PomeloClient.connect("127.0.0.1", gatePort, PomeloClient.Transport.WEBSOCKET);
        JsonNode entry;
        try {
            entry = get(gate.request("gate.gateHandler.queryEntry", ChatAppDir.JSON.valueToTree(Map.of("uid", name))));
        } finally {
            gate.close();
        }
        if (entry.path("code").asInt() != 200) throw new AssertionError("queryEntry for " + name + ": " + entry);
        return new ChatUser(name, PomeloClient.connect(entry.path("host").asString(), entry.path("port").asInt(), PomeloClient.Transport.WEBSOCKET));
    }

    JsonNode enter(String rid) {
        return get(client.request("connector.entryHandler.enter", ChatAppDir.JSON.valueToTree(Map.of("username", name, "rid", rid))));
    }

    JsonNode send(String rid, String content) {
        return get(client.request("chat.chatHandler.send",
                ChatAppDir.JSON.valueToTree(Map.of("rid", rid, "content", content, "from", name, "target", "*"))));
    }

    Map.Entry<String, JsonNode> next() throws InterruptedException {
        Map.Entry<String, JsonNode> push = pushes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (push == null) throw new AssertionError(name + " received no push within " + WAIT_SECONDS + " s");
        return push;
    }

    private static JsonNode get(java.util.concurrent.CompletableFuture<JsonNode> response) {
        try {
            return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
