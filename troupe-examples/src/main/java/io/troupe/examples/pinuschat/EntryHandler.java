package io.troupe.examples.pinuschat;

import io.troupe.server.Server;
import io.troupe.server.Session;

import java.util.List;
import java.util.Map;

/** {@code connector.entryHandler.*}: a user enters a room. */
public final class EntryHandler {
    private final Server server;

    public EntryHandler(Server server) {
        this.server = server;
    }

    /** The message of {@code enter}. */
    public record Enter(String username, String rid) {
    }

    /** Binds the session to {@code username*rid}; {@code {users}} of the room, or {@code {code: 500, error: true}} for a taken name. */
    public Map<String, Object> enter(Enter message, Session session) {
        if (message.username() == null || message.rid() == null) return Map.of("code", 500, "error", true);
        String uid = Names.uid(message.username(), message.rid());
        if (!server.sessions().byUid(uid).isEmpty()) return Map.of("code", 500, "error", true);
        session.bind(uid);
        session.set("rid", message.rid());
        session.push("rid");
        session.onClosed(reason -> leave(session));
        List<String> users = server.remote("chat", ChatRemote.class, session).add(uid, server.id(), message.rid(), true);
        return Map.of("users", users);
    }

    private void leave(Session session) {
        if (session.uid() == null) return;
        String rid = (String) session.get("rid").orElse(null);
        server.remote("chat", ChatRemote.class, session).kick(session.uid(), server.id(), rid);
    }
}
