package io.troupe.server.internal.app;

import io.troupe.server.Session;
import io.troupe.server.SessionService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sessions of a frontend server, by connection id and by uid. */
final class FrontendSessions implements SessionService {
    private final ConcurrentHashMap<Long, FrontendSession> byId = new ConcurrentHashMap<>();
    /** uid → one FrontendSession, or a FrontendSession[] when a user has several (no set per uid: memory). */
    private final ConcurrentHashMap<String, Object> byUid = new ConcurrentHashMap<>();
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
        if (uid != null && byId.containsKey(session.id())) {
            byUid.merge(uid, session, (present, added) -> {
                FrontendSession[] now = sessionsIn(present);
                for (FrontendSession s : now) if (s == added) return present;
                FrontendSession[] more = java.util.Arrays.copyOf(now, now.length + 1);
                more[now.length] = (FrontendSession) added;
                return more;
            });
        }
    }

    private void unbindIndex(FrontendSession session, String uid) {
        byUid.computeIfPresent(uid, (u, present) -> {
            FrontendSession[] now = sessionsIn(present);
            FrontendSession[] left = java.util.Arrays.stream(now).filter(s -> s != session).toArray(FrontendSession[]::new);
            return left.length == 0 ? null : left.length == 1 ? left[0] : left;
        });
    }

    private static FrontendSession[] sessionsIn(Object entry) {
        return entry instanceof FrontendSession one ? new FrontendSession[]{one} : (FrontendSession[]) entry;
    }

    Iterable<FrontendSession> all() {
        return byId.values();
    }

    /** The open sessions of {@code uid} (a snapshot). */
    List<FrontendSession> sessionsOf(String uid) {
        Object entry = byUid.get(uid);
        if (entry == null) return List.of();
        return entry instanceof FrontendSession one ? List.of(one) : List.of((FrontendSession[]) entry);
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
