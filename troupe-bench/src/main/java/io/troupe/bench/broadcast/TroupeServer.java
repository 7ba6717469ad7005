package io.troupe.bench.broadcast;

import io.troupe.server.Server;
import io.troupe.server.ServerApp;
import io.troupe.server.Session;
import io.troupe.server.config.AppConfig;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code troupe} target of {@code bench/run broadcast}: the same topology and routes as the
 * pinus peer (bench/node/pinus): one connector and one chat server, on the embedded default.
 * {@code connector.entryHandler.entry {uid, room}} binds the session and joins the room on the
 * chat server; the notify {@code chat.chatHandler.send {msg}} pushes {@code onChat {msg}} to every
 * member of the sender's room. JSON, no dictionary, heartbeat 30 s, as the pinus peer.
 * <pre>TroupeServer --port CLIENT_PORT</pre>
 */
public final class TroupeServer {
    private TroupeServer() {
    }

    /** The chat server's remote: join a room. */
    public interface RoomRemote {
        boolean join(String uid, String frontendId, String room);
    }

    public static void main(String[] args) throws Exception {
        int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 13050;
        Path config = Files.createDirectories(Files.createTempDirectory("troupe-broadcast").resolve("config"));
        Files.writeString(config.resolve("servers.json"), "{\"bench\": {"
                + "\"connector\": [{\"id\": \"connector-server-1\", \"host\": \"127.0.0.1\", \"port\": " + freePort()
                + ", \"clientHost\": \"127.0.0.1\", \"clientPort\": " + port + ", \"frontend\": true}],"
                + "\"chat\": [{\"id\": \"chat-server-1\", \"host\": \"127.0.0.1\", \"port\": " + freePort() + "}]}}");
        Files.writeString(config.resolve("master.json"), "{\"bench\": {\"id\": \"master-server-1\", \"host\": \"127.0.0.1\", \"port\": " + freePort() + "}}");
        ServerApp app = ServerApp.builder()
                .handler("connector", "entryHandler", Entry::new)
                .handler("chat", "chatHandler", Chat::new)
                .remote("chat", "roomRemote", RoomRemote.class, Rooms::new)
                .connector("connector", io.troupe.server.ConnectorSettings.defaults().withHeartbeat(Duration.ofSeconds(30)))
                .build();
        ServerApp.Cluster cluster = app.start(AppConfig.load(config, "bench"));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stop.countDown();
        }));
        System.out.println("READY troupe broadcast server on 127.0.0.1:" + port);
        System.out.flush();
        stop.await();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** connector.entryHandler.entry. */
    public static final class Entry {
        private final Server server;

        public Entry(Server server) {
            this.server = server;
        }

        public Map<String, Object> entry(tools.jackson.databind.JsonNode message, Session session) {
            String uid = message.path("uid").asString();
            String room = message.path("room").asString("room");
            session.bind(uid);
            session.set("room", room);
            server.remote("chat", RoomRemote.class, session).join(uid, server.id(), room);
            return Map.of("code", 200);
        }
    }

    /** chat.chatHandler.send: one push to the room. */
    public static final class Chat {
        private final Server server;

        public Chat(Server server) {
            this.server = server;
        }

        public Object send(tools.jackson.databind.JsonNode message, Session session) {
            String room = message.path("room").asString((String) session.get("room").orElse("room"));
            server.channels().channel(room).pushMessage("onChat", Map.of("msg", message.path("msg").asString()));
            return null;
        }
    }

    static final class Rooms implements RoomRemote {
        private final Server server;

        Rooms(Server server) {
            this.server = server;
        }

        @Override
        public boolean join(String uid, String frontendId, String room) {
            return server.channels().channel(room).add(uid, frontendId);
        }
    }
}
