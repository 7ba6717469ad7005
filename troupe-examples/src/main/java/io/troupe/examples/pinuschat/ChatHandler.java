package io.troupe.examples.pinuschat;

import io.troupe.server.Channel;
import io.troupe.server.ChannelService;
import io.troupe.server.Server;
import io.troupe.server.Session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code chat.chatHandler.*}: messages within a room, on the room's chat server. */
public final class ChatHandler {
    private final Server server;

    public ChatHandler(Server server) {
        this.server = server;
    }

    /** The message of {@code send}: the client may also send {@code rid} and {@code from}; the session's are used. */
    public record Send(String content, String target, String rid, String from) {
    }

    /** {@code target "*"}: {@code onChat} to the whole room, sender included; a name: to that user only. */
    public Map<String, Object> send(Send message, Session session) {
        String rid = (String) session.get("rid").orElseThrow(() -> new IllegalStateException("enter a room first"));
        String username = Names.user(session.uid());
        Map<String, Object> chat = Map.of("msg", message.content(), "from", username, "target", message.target());
        Optional<Channel> room = server.channels().find(rid);
        if (room.isEmpty()) {
            return Map.of("code", 500, "error", true, "message", "room " + rid + " is not on this chat server (its server may have stopped)");
        }
        if ("*".equals(message.target())) {
            room.get().pushMessage("onChat", chat);
        } else {
            String targetUid = Names.uid(message.target(), rid);
            Optional<String> frontend = room.get().frontendOf(targetUid);
            if (frontend.isEmpty()) { // pinus threw a TypeError here
                return Map.of("code", 500, "error", true, "message", message.target() + " is not in room " + rid);
            }
            server.channels().pushMessageByUids("onChat", chat, List.of(new ChannelService.Receiver(targetUid, frontend.get())));
        }
        return null;
    }
}
