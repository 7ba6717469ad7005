package io.troupe.examples.pinuschat;

import io.troupe.server.Channel;
import io.troupe.server.Server;

import java.util.List;
import java.util.Map;

/** Rooms live on the chat server their room id hashes to; a room is a channel. */
final class ChatRemoteImpl implements ChatRemote {
    private final Server server;

    ChatRemoteImpl(Server server) {
        this.server = server;
    }

    @Override
    public List<String> add(String uid, String sid, String rid, boolean flag) {
        Channel room = server.channels().channel(rid);
        // Tell the members already there, then add: the push takes its members when called, so
        // the newcomer never hears of itself (pinus's self-onAdd race is gone).
        room.pushMessage("onAdd", Map.of("user", Names.user(uid)));
        room.add(uid, sid);
        return users(room);
    }

    @Override
    public void kick(String uid, String sid, String rid) {
        server.channels().find(rid).ifPresent(room -> {
            if (room.leave(uid)) room.pushMessage("onLeave", Map.of("user", Names.user(uid)));
            if (room.size() == 0) server.channels().destroy(rid);
        });
    }

    static List<String> users(Channel room) {
        return room.members().stream().map(Names::user).toList();
    }
}
