package io.troupe.server.internal.app;

import io.troupe.server.Channel;
import io.troupe.server.ChannelService;
import io.troupe.server.ServerInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The channel service of one server. */
final class Channels implements ChannelService {
    private final ServerImpl server;
    private final ConcurrentHashMap<String, ChannelImpl> channels = new ConcurrentHashMap<>();
    /** One instance per frontend id: members keep a reference, not a decoded copy each. */
    private final ConcurrentHashMap<String, String> frontendIds = new ConcurrentHashMap<>();

    Channels(ServerImpl server) {
        this.server = server;
    }

    @Override
    public Channel channel(String name) {
        return channels.computeIfAbsent(name, n -> new ChannelImpl(n, this));
    }

    String canonical(String frontendId) {
        String known = frontendIds.putIfAbsent(frontendId, frontendId);
        return known == null ? frontendId : known;
    }

    @Override
    public Optional<Channel> find(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    @Override
    public boolean destroy(String name) {
        return channels.remove(name) != null;
    }

    @Override
    public void pushMessageByUids(String route, Object message, List<Receiver> receivers) {
        Map<String, List<String>> byFrontend = new LinkedHashMap<>();
        for (Receiver receiver : receivers) byFrontend.computeIfAbsent(receiver.frontendId(), f -> new ArrayList<>()).add(receiver.uid());
        push(route, message, byFrontend);
    }

    @Override
    public void broadcast(String frontendType, String route, Object message, boolean boundOnly) {
        String body = Json.write(Json.toTree(message));
        for (ServerInfo frontend : server.servers(frontendType)) send(frontend.id(), new Wire.Push(route, body, null, boundOnly));
    }

    /** One push message per frontend server, carrying the uids it should reach there. */
    void push(String route, Object message, Map<String, ? extends Collection<String>> uidsByFrontend) {
        if (uidsByFrontend.isEmpty()) return;
        var tree = Json.toTree(message);
        String body = null;
        for (var entry : uidsByFrontend.entrySet()) {
            if (entry.getKey().equals(server.id()) && server.pushes() != null) {
                server.pushes().deliver(route, tree, entry.getValue(), false);
            } else {
                if (body == null) body = Json.write(tree);
                send(entry.getKey(), new Wire.Push(route, body, List.copyOf(entry.getValue()), false));
            }
        }
    }

    private void send(String frontendId, Wire.Push push) {
        try {
            server.rpc().send(frontendId, push);
        } catch (io.troupe.rpc.NoSuchServiceException gone) {
            server.countLostPush(frontendId);
        }
    }
}
