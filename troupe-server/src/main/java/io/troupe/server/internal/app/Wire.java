package io.troupe.server.internal.app;

import java.util.List;
import java.util.Map;

/** The records servers exchange (bodies travel as JSON text). */
final class Wire {
    private Wire() {
    }

    /** A frontend session as a forwarded request carries it (pinus's session export). */
    record SessionSnapshot(long id, String frontendId, String uid, Map<String, Object> settings) {
    }

    /** Push {@code body} under {@code route} to these uids of the receiving frontend ({@code null}: every session). */
    record Push(String route, String body, List<String> uids, boolean boundOnly) {
    }
}
