package io.troupe.rpc;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Chooses which of several providers serves a call (pinus's route functions).
 *
 * <p>Called on the caller's thread for every routed call, with the current candidates in a stable
 * order (sorted by service name), never an empty list. It must be fast, must not block, and may be
 * called from many threads at once.
 */
@FunctionalInterface
public interface Router {

    /** Returns one of {@code candidates}. */
    ServiceInfo route(Invocation call, List<ServiceInfo> candidates);

    /** The first candidate (by name): for a single provider, or a primary with stand-bys. */
    static Router first() {
        return (call, candidates) -> candidates.getFirst();
    }

    /** Each call to the next candidate in turn. */
    static Router roundRobin() {
        AtomicInteger next = new AtomicInteger();
        return (call, candidates) -> candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
    }

    /**
     * The candidate at {@code crc32(key) mod n}, where {@code key} is computed from the call (for
     * example the user id in its first argument): calls with equal keys go to the same provider
     * while the set of providers stays the same. A {@code null} key goes to the first candidate.
     */
    static Router byKey(Function<Invocation, ?> key) {
        return (call, candidates) -> {
            Object k = key.apply(call);
            if (k == null) return candidates.getFirst();
            return candidates.get((int) (crc32(k.toString()) % candidates.size()));
        };
    }

    /** CRC-32 of the UTF-8 bytes of {@code key}, the hash pinus's routes commonly use. */
    static long crc32(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
