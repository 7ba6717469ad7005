package io.troupe.server.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The route dictionary: route ↔ 2-byte code, sent in the handshake when {@code useDict} is on. Immutable and
 * thread-safe. Pinus builds it as the sorted handler routes numbered from 1, followed by the entries of
 * {@code dictionary.json}; {@link #build} does the same. The version is the md5 (base64) of the JSON map.
 */
public final class RouteDictionary {
    private static final RouteDictionary EMPTY = new RouteDictionary(Map.of());

    private final Map<String, Integer> codes;
    private final Map<Integer, String> routes;
    private final ObjectNode json;
    private final String version;

    private RouteDictionary(Map<String, Integer> ordered) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        Map<Integer, String> routes = new HashMap<>();
        ObjectNode json = Json.NODES.objectNode();
        ordered.forEach((route, code) -> {
            Objects.requireNonNull(route, "route");
            if (code == null || code < 1 || code > 0xFFFF) {
                throw new IllegalArgumentException("route code out of range for " + route + ": " + code);
            }
            if (routes.putIfAbsent(code, route) != null) {
                throw new IllegalArgumentException("duplicate route code " + code);
            }
            codes.put(route, code);
            json.put(route, code.intValue());
        });
        this.codes = Collections.unmodifiableMap(codes);
        this.routes = routes;
        this.json = json;
        this.version = Json.md5Base64(json);
    }

    /** The empty dictionary. */
    public static RouteDictionary empty() {
        return EMPTY;
    }

    /** A dictionary with exactly these codes (1..65535, distinct), in the map's iteration order. */
    public static RouteDictionary of(Map<String, Integer> codes) {
        return new RouteDictionary(codes);
    }

    /**
     * Pinus's construction: {@code handlerRoutes} sorted and numbered from 1, then {@code extraRoutes} (the
     * entries of {@code dictionary.json}) numbered on; a route already present keeps its first code.
     */
    public static RouteDictionary build(Collection<String> handlerRoutes, List<String> extraRoutes) {
        List<String> sorted = new ArrayList<>(handlerRoutes);
        Collections.sort(sorted);
        Map<String, Integer> codes = new LinkedHashMap<>();
        int next = 1;
        for (String r : sorted) {
            if (codes.putIfAbsent(r, next) == null) {
                next++;
            }
        }
        for (String r : extraRoutes) {
            if (codes.putIfAbsent(r, next) == null) {
                next++;
            }
        }
        return new RouteDictionary(codes);
    }

    /** Reads the {@code dict} object of a handshake response. */
    public static RouteDictionary fromJson(JsonNode dict) {
        if (dict == null || !dict.isObject()) {
            throw new ProtocolException("dict is not an object");
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : dict.properties()) {
            if (!e.getValue().isIntegralNumber()) {
                throw new ProtocolException("dict code of " + e.getKey() + " is not an integer");
            }
            codes.put(e.getKey(), e.getValue().intValue());
        }
        try {
            return new RouteDictionary(codes);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("bad dict: " + e.getMessage(), e);
        }
    }

    /** The code of {@code route}, or −1 when it has none. */
    public int code(String route) {
        Integer c = codes.get(route);
        return c == null ? -1 : c;
    }

    /** The route of {@code code}, or null. */
    public String route(int code) {
        return routes.get(code);
    }

    /** Route → code, in code-assignment order. */
    public Map<String, Integer> codes() {
        return codes;
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /** The {@code dict} object of the handshake response (a fresh copy). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /** md5 (base64) of {@link #toJson()}'s compact form. */
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return "RouteDictionary" + codes;
    }
}
