package io.troupe.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The master server of {@code master.json}: its id, and the host and port of its admin console.
 *
 * @param extra every other property of the entry, as plain Java values (String, Integer, Long,
 *              Double, Boolean, List, Map, null), in file order; unmodifiable
 */
public record MasterConfig(String id, String host, int port, Map<String, Object> extra) {
    public MasterConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
