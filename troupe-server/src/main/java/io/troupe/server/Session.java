package io.troupe.server;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A client's session, as handlers see it (pinus's FrontendSession and BackendSession in one
 * interface).
 *
 * <p>On a frontend (connector) server the session is the connection's own: {@link #set} changes
 * it, {@link #bind} binds it. On a backend the session is a snapshot carried by the forwarded
 * request: {@link #set} changes the snapshot only, {@link #push} copies settings back to the
 * frontend session, {@link #bind} and {@link #kick} are carried out by the frontend. Settings
 * values must be values a node's codec allows (strings, numbers, booleans, lists and maps of them).
 *
 * <p>Thread-safe. Requests of one session may run concurrently (each in its own process).
 */
public interface Session {

    /** The session's id, unique on its frontend server. */
    long id();

    /** The id of the frontend (connector) server holding the connection. */
    String frontendId();

    /** The bound user id, or {@code null} before {@link #bind}. */
    String uid();

    /** Binds the session to {@code uid} (on the frontend; from a backend, by a call to the frontend). */
    void bind(String uid);

    /** A setting, if set. */
    Optional<Object> get(String key);

    /** Changes a setting of this session object (on a backend: of the snapshot; see {@link #push}). */
    void set(String key, Object value);

    /** Copies the named settings to the frontend session (a no-op on the frontend). */
    void push(String... keys);

    /** A copy of the settings. */
    Map<String, Object> settings();

    /**
     * Runs {@code listener} with the reason once the connection is closed. Only on the frontend,
     * where the connection is.
     * @throws UnsupportedOperationException on a backend
     */
    void onClosed(Consumer<String> listener);

    /** Sends KICK with {@code reason} to the client and closes its connection. */
    void kick(String reason);

    /** Whether this is the frontend's own session (not a backend's snapshot). */
    boolean isFrontend();
}
