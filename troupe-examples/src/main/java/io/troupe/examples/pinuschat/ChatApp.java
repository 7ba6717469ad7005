package io.troupe.examples.pinuschat;

import io.troupe.server.ConnectorSettings;
import io.troupe.server.RouteFunction;
import io.troupe.server.ServerApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Seed 004's chat, route-compatible with the pinus demo (chatofpomelo-websocket): a gate, connectors
 * and chat servers; rooms are hashed onto chat servers by room id (rendezvous hashing, so that
 * when a chat server stops only its rooms are lost and the others stay where they are).
 */
public final class ChatApp {
    /** The resources directory of the demo's configuration. */
    static final String CONFIG = "pinuschat/config/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatApp() {
    }

    // tag::app[]
    /** The app: handlers of the gate, connector and chat types, the chat remote, routes and connector settings. */
    public static ServerApp app() {
        ConnectorSettings protobuf = ConnectorSettings.defaults().withProtos(resource("serverProtos.json"), resource("clientProtos.json"));
        return ServerApp.builder()
                .handler("gate", "gateHandler", GateHandler::new)
                .handler("connector", "entryHandler", EntryHandler::new)
                .handler("chat", "chatHandler", ChatHandler::new)
                .remote("chat", "chatRemote", ChatRemote.class, ChatRemoteImpl::new)
                .route("chat", RouteFunction.stableBySetting("rid"))
                .connector("gate", protobuf)
                .connector("connector", protobuf.withHeartbeat(Duration.ofSeconds(3)).withDictionary(dictionary()))
                .build();
    }
    // end::app[]

    private static List<String> dictionary() {
        JsonNode dict = resource("dictionary.json");
        return dict.valueStream().map(JsonNode::asString).toList();
    }

    static JsonNode resource(String name) {
        try (InputStream in = ChatApp.class.getClassLoader().getResourceAsStream(CONFIG + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + CONFIG + name);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the demo's {@code servers.json} and {@code master.json} to {@code dir/config}; returns that directory (for {@code AppConfig.load}). */
    public static Path writeConfig(Path dir) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (String name : List.of("servers.json", "master.json")) {
            try (InputStream in = ChatApp.class.getClassLoader().getResourceAsStream(CONFIG + name)) {
                if (in == null) throw new IllegalStateException("missing resource " + CONFIG + name);
                Files.copy(in, config.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return config;
    }
}
