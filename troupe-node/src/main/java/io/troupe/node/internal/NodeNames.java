package io.troupe.node.internal;

import java.util.HashMap;

/**
 * Interns node names read from the wire, so pids of one node share one string (cheaper equality
 * and less garbage). Owned by one thread; bounded: it starts over past {@value #LIMIT} names, which
 * only a hostile peer would reach.
 */
final class NodeNames {
    private static final int LIMIT = 4096;
    private final HashMap<String, String> names = new HashMap<>();

    String intern(String name) {
        String known = names.get(name);
        if (known != null) return known;
        if (names.size() >= LIMIT) names.clear();
        names.put(name, name);
        return name;
    }
}
