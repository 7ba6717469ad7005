package io.troupe.examples.pinuschat;

import io.troupe.server.ServerApp;
import io.troupe.server.client.PomeloClient;
import io.troupe.server.config.AppConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The chat cluster on free ports, and users that log in as the demo's page does. */
final class ChatFixture implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(10);

    final ServerApp.Cluster cluster;
    final int gatePort;
    final PomeloClient.Transport transport;

    ChatFixture(String environment, PomeloClient.Transport transport, Path dir) {
        this.transport = transport;
        AppConfig config = AppConfig.load(freePorts(environment, dir), environment);
        this.gatePort = config.serversOfType("gate").getFirst().clientPort().orElseThrow();
        this.cluster = ChatApp.app().start(config);
    }

    /** Users of a chat cluster started elsewhere (another JVM, another start mode), through its gate. */
    ChatFixture(int gatePort, PomeloClient.Transport transport) {
        this.transport = transport;
        this.gatePort = gatePort;
        this.cluster = null;
    }

    /** The demo's servers.json with every port replaced by a free one. */
    private static Path freePorts(String environment, Path dir) {
        try {
            Path config = ChatApp.writeConfig(dir);
            ObjectNode servers = (ObjectNode) JSON.readTree(config.resolve("servers.json").toFile());
            List<ServerSocket> held = new java.util.ArrayList<>(); // held open until all are chosen: no port twice
            try {
                for (JsonNode list : servers.path(environment)) {
                    for (JsonNode server : list) {
                        ObjectNode entry = (ObjectNode) server;
                        if (entry.has("port")) entry.put("port", freePort(held));
                        if (entry.has("clientPort")) entry.put("clientPort", freePort(held));
                    }
                }
                ObjectNode master = (ObjectNode) JSON.readTree(config.resolve("master.json").toFile());
                ((ObjectNode) master.path(environment)).put("port", freePort(held));
                Files.writeString(config.resolve("master.json"), JSON.writeValueAsString(master));
            } finally {
                for (ServerSocket socket : held) socket.close();
            }
            Files.writeString(config.resolve("servers.json"), JSON.writeValueAsString(servers));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort(List<ServerSocket> held) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        held.add(socket);
        return socket.getLocalPort();
    }

    /** A user of the page: asks the gate, then connects to its connector. */
    User user(String name) {
        PomeloClient gate = PomeloClient.connect("127.0.0.1", gatePort, transport);
        JsonNode entry;
        try {
            entry = gate.request("gate.gateHandler.queryEntry", JSON.valueToTree(Map.of("uid", name))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("queryEntry failed for " + name, e);
        } finally {
            gate.close();
        }
        if (entry.path("code").asInt() != 200) throw new AssertionError("queryEntry for " + name + ": " + entry);
        return new User(name, PomeloClient.connect(entry.path("host").asString(), entry.path("port").asInt(), transport), entry.path("port").asInt());
    }

    static JsonNode get(java.util.concurrent.CompletableFuture<JsonNode> response) {
        try {
            return response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (cluster != null) cluster.close();
    }

    /** One logged-in client with its received pushes. */
    static final class User implements AutoCloseable {
        final String name;
        final PomeloClient client;
        final int connectorPort;
        final BlockingQueue<Map.Entry<String, JsonNode>> pushes = new LinkedBlockingQueue<>();

        User(String name, PomeloClient client, int connectorPort) {
            this.name = name;
            this.client = client;
            this.connectorPort = connectorPort;
            client.onPush((route, body) -> pushes.add(Map.entry(route, body)));
        }

        JsonNode enter(String rid) {
            return get(client.request("connector.entryHandler.enter", JSON.valueToTree(Map.of("username", name, "rid", rid))));
        }

        JsonNode send(String rid, String content, String target) {
            return get(client.request("chat.chatHandler.send",
                    JSON.valueToTree(Map.of("rid", rid, "content", content, "from", name, "target", target))));
        }

        /** The next push, within the wait. */
        Map.Entry<String, JsonNode> next() {
            try {
                Map.Entry<String, JsonNode> push = pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (push == null) throw new AssertionError(name + " received no push within " + WAIT);
                return push;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        List<String> users(JsonNode entered) {
            return entered.path("users").valueStream().map(JsonNode::asString).toList();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
