package io.troupe.server.internal.app;

import io.troupe.server.Session;
import io.troupe.server.internal.connector.ClientLink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The session of one client connection on its frontend server. */
final class FrontendSession implements Session {
    final ClientLink link;
    private final String frontendId;
    private final FrontendSessions sessions;
    private final Map<String, Object> settings = new ConcurrentHashMap<>();
    private final List<Consumer<String>> closedListeners = new CopyOnWriteArrayList<>();
    private volatile String uid;

    FrontendSession(ClientLink link, String frontendId, FrontendSessions sessions) {
        this.link = link;
        this.frontendId = frontendId;
        this.sessions = sessions;
    }

    @Override
    public long id() {
        return link.id();
    }

    @Override
    public String frontendId() {
        return frontendId;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public void bind(String newUid) {
        sessions.bind(this, newUid);
    }

    void uid(String bound) {
        uid = bound;
    }

    @Override
    public Optional<Object> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public void set(String key, Object value) {
        if (value == null) settings.remove(key); else settings.put(key, value);
    }

    @Override
    public void push(String... keys) {
        // the frontend session is the real one
    }

    void importSettings(Map<String, Object> values) {
        values.forEach(this::set);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void onClosed(Consumer<String> listener) {
        closedListeners.add(listener);
    }

    List<Consumer<String>> closedListeners() {
        return closedListeners;
    }

    @Override
    public void kick(String reason) {
        link.kick(reason);
    }

    @Override
    public boolean isFrontend() {
        return true;
    }

    Wire.SessionSnapshot snapshot() {
        return new Wire.SessionSnapshot(id(), frontendId, uid, settings());
    }

    @Override
    public String toString() {
        return "Session[" + frontendId + "#" + id() + (uid == null ? "" : " " + uid) + "]";
    }
}
