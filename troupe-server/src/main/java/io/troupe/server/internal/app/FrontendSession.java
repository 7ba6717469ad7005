package io.troupe.server.internal.app;

import io.troupe.server.Session;
import io.troupe.server.internal.connector.ClientLink;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The session of one client connection on its frontend server. */
final class FrontendSession implements Session {
    private static final java.lang.invoke.VarHandle SETTINGS;

    static {
        try {
            SETTINGS = java.lang.invoke.MethodHandles.lookup().findVarHandle(FrontendSession.class, "settings", Map.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ClientLink link;
    private final String frontendId;
    private final FrontendSessions sessions;
    /**
     * Immutable, replaced on each {@link #set} (copy on write): settings are written rarely and read
     * often, and a one-entry {@code Map.of} costs a few dozen bytes where a concurrent map costs
     * hundreds, on every connection.
     */
    private volatile Map<String, Object> settings = Map.of();
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
        for (int attempt = 0; attempt < 1_000; attempt++) {
            Map<String, Object> current = settings;
            Map<String, Object> next = new java.util.HashMap<>(current);
            if (value == null) next.remove(key); else next.put(key, value);
            if (SETTINGS.compareAndSet(this, current, Map.copyOf(next))) return;
        }
        throw new IllegalStateException("too many concurrent changes of the settings of " + this);
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
        return settings;
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
