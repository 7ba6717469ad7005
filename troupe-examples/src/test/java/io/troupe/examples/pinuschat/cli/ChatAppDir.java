package io.troupe.examples.pinuschat.cli;

import io.troupe.examples.pinuschat.ChatApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The chat demo as an app directory on disk (app.properties, config/), every port replaced by a
 * free one, {@code auto-restart: true} on the given servers.
 */
record ChatAppDir(Path dir, String environment, int gatePort, int masterPort) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ChatAppDir write(Path dir, String environment, Set<String> autoRestart) throws IOException {
        Path config = ChatApp.writeConfig(dir);
        Files.writeString(dir.resolve("app.properties"), "app=" + ChatApp.class.getName() + "\n");
        ObjectNode servers = (ObjectNode) JSON.readTree(config.resolve("servers.json").toFile());
        int gatePort = 0;
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (JsonNode list : servers.path(environment)) {
            for (JsonNode server : list) {
                ObjectNode entry = (ObjectNode) server;
                if (entry.has("port")) entry.put("port", freePort(chosen));
                if (entry.has("clientPort")) entry.put("clientPort", freePort(chosen));
                if (autoRestart.contains(entry.path("id").asString())) entry.put("auto-restart", true);
                if (entry.path("id").asString().startsWith("gate")) gatePort = entry.path("clientPort").asInt();
            }
        }
        Files.writeString(config.resolve("servers.json"), JSON.writeValueAsString(servers));
        ObjectNode master = (ObjectNode) JSON.readTree(config.resolve("master.json").toFile());
        int masterPort = freePort(chosen);
        ((ObjectNode) master.path(environment)).put("port", masterPort);
        Files.writeString(config.resolve("master.json"), JSON.writeValueAsString(master));
        return new ChatAppDir(dir, environment, gatePort, masterPort);
    }

    /** A free port not chosen before for this app (the system may hand out a just-closed port again). */
    private static int freePort(java.util.Set<Integer> chosen) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (chosen.add(socket.getLocalPort())) return socket.getLocalPort();
            }
        }
        throw new IOException("no distinct free port after 100 attempts");
    }
}
