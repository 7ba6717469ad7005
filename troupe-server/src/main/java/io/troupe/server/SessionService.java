package io.troupe.server;

import java.util.List;
import java.util.Optional;

/**
 * The sessions of a frontend server (pinus's {@code sessionService}). Thread-safe.
 */
public interface SessionService {

    /** The open sessions bound to {@code uid} (several if the user connected more than once). */
    List<Session> byUid(String uid);

    Optional<Session> byId(long sessionId);

    /** Open sessions. */
    int count();

    /** Kicks every session of {@code uid}; returns how many. */
    int kick(String uid, String reason);

    /** Kicks one session; returns whether it was open. */
    boolean kickBySessionId(long sessionId, String reason);

    /** Pushes dropped because their session had closed. */
    long droppedPushes();
}
