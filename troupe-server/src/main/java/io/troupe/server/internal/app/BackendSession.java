package io.troupe.server.internal.app;

import io.troupe.server.Session;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A forwarded request's copy of a frontend session; changes reach the frontend by calls. */
final class BackendSession implements Session {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private final long id;
    private final String frontendId;
    private volatile String uid;
    private final Map<String, Object> settings;
    private final ServerImpl server;

    BackendSession(Wire.SessionSnapshot snapshot, ServerImpl server) {
        this.id = snapshot.id();
        this.frontendId = snapshot.frontendId();
        this.uid = snapshot.uid();
        this.settings = new ConcurrentHashMap<>(snapshot.settings() == null ? Map.of() : snapshot.settings());
        this.server = server;
    }

    @Override
    public long id() {
        return id;
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
        server.rpc().call(frontendId, Sys.BIND, List.of(id, newUid), CALL_TIMEOUT);
        uid = newUid;
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
        Map<String, Object> values = new HashMap<>();
        for (String key : keys) {
            Object value = settings.get(key);
            if (value != null) values.put(key, value);
        }
        server.rpc().call(frontendId, Sys.PUSH_SETTINGS, List.of(id, values), CALL_TIMEOUT);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void onClosed(Consumer<String> listener) {
        throw new UnsupportedOperationException("a backend session cannot watch the connection; register onClosed on the frontend (connector) server");
    }

    @Override
    public void kick(String reason) {
        server.rpc().call(frontendId, Sys.KICK_SESSION, List.of(id, reason), CALL_TIMEOUT);
    }

    @Override
    public boolean isFrontend() {
        return false;
    }

    @Override
    public String toString() {
        return "BackendSession[" + frontendId + "#" + id + (uid == null ? "" : " " + uid) + "]";
    }
}
