package io.troupe.server.internal.app;

import io.troupe.rpc.ServiceSpec;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system functions every server offers under its service (named by the server id, typed by
 * the server type), pinus's {@code sys} namespace: forwarded requests on every server; session
 * operations and server information on frontends. Pushes do not use a function: they are
 * messages to the service, so that pushes from one server reach a frontend in order.
 */
final class Sys {
    static final String FORWARD = "sys.forward";
    static final String BIND = "sys.bind";
    static final String PUSH_SETTINGS = "sys.pushSettings";
    static final String KICK_SESSION = "sys.kickSession";
    static final String KICK_UID = "sys.kickUid";
    static final String INFO = "sys.info";

    private Sys() {
    }

    @SuppressWarnings("unchecked")
    static ServiceSpec functions(ServiceSpec spec, ServerImpl server) {
        return spec
                .function(FORWARD, args -> server.dispatcher().forwarded((Wire.SessionSnapshot) args.get(0),
                        (String) args.get(1), (String) args.get(2), (Boolean) args.get(3)))
                .function(BIND, args -> {
                    FrontendSession session = server.frontendSessions().get(((Number) args.get(0)).longValue());
                    if (session == null) throw new IllegalStateException("session " + args.get(0) + " is closed");
                    session.bind((String) args.get(1));
                    return true;
                })
                .function(PUSH_SETTINGS, args -> {
                    FrontendSession session = server.frontendSessions().get(((Number) args.get(0)).longValue());
                    if (session == null) throw new IllegalStateException("session " + args.get(0) + " is closed");
                    session.importSettings((Map<String, Object>) args.get(1));
                    return true;
                })
                .function(KICK_SESSION, args -> server.frontendSessions().kickBySessionId(((Number) args.get(0)).longValue(), (String) args.get(1)))
                .function(KICK_UID, args -> server.frontendSessions().kick((String) args.get(0), (String) args.get(1)))
                .function(INFO, args -> info(server));
    }

    /** What {@code troupe list} shows of a server. */
    static Map<String, Object> info(ServerImpl server) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", server.id());
        info.put("type", server.type());
        info.put("pid", ProcessHandle.current().pid());
        info.put("uptimeMillis", System.currentTimeMillis() - server.startedAt());
        info.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        info.put("connections", server.frontendSessions().count());
        info.put("clientPort", server.clientPort());
        return info;
    }

    static List<String> all() {
        return List.of(FORWARD, BIND, PUSH_SETTINGS, KICK_SESSION, KICK_UID, INFO);
    }
}
