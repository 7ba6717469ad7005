package io.troupe.server.internal.app;

import io.troupe.server.Session;
import io.troupe.server.SessionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sessions of a frontend server, by connection id and by uid. */
final class FrontendSessions implements SessionService {
    private final ConcurrentHashMap<Long, FrontendSession> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<FrontendSession>> byUid = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    void opened(FrontendSession session) {
        byId.put(session.id(), session);
    }

    /** Removes a closed session; returns it. */
    FrontendSession closed(long id) {
        FrontendSession session = byId.remove(id);
        if (session != null && session.uid() != null) unbindIndex(session, session.uid());
        return session;
    }

    FrontendSession get(long id) {
        return byId.get(id);
    }

    void bind(FrontendSession session, String uid) {
        String previous = session.uid();
        if (previous != null) unbindIndex(session, previous);
        session.uid(uid);
        if (uid != null && byId.containsKey(session.id())) byUid.computeIfAbsent(uid, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    private void unbindIndex(FrontendSession session, String uid) {
        byUid.computeIfPresent(uid, (u, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    Iterable<FrontendSession> all() {
        return byId.values();
    }

    Set<FrontendSession> sessionsOf(String uid) {
        return byUid.getOrDefault(uid, Set.of());
    }

    void countDropped(long n) {
        dropped.addAndGet(n);
    }

    @Override
    public List<Session> byUid(String uid) {
        return new ArrayList<>(sessionsOf(uid));
    }

    @Override
    public Optional<Session> byId(long sessionId) {
        return Optional.ofNullable(byId.get(sessionId));
    }

    @Override
    public int count() {
        return byId.size();
    }

    @Override
    public int kick(String uid, String reason) {
        int n = 0;
        for (FrontendSession session : sessionsOf(uid)) {
            session.kick(reason);
            n++;
        }
        return n;
    }

    @Override
    public boolean kickBySessionId(long sessionId, String reason) {
        FrontendSession session = byId.get(sessionId);
        if (session == null) return false;
        session.kick(reason);
        return true;
    }

    @Override
    public long droppedPushes() {
        return dropped.get();
    }
}
