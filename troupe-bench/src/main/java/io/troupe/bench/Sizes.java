package io.troupe.bench;

/**
 * The workload sizes, shared by the Troupe and Pekko harnesses. {@code bench/erlang/troupe_bench.erl}
 * uses the same numbers (its {@code -define}s): change both together.
 */
final class Sizes {
    private Sizes() {
    }

    /** Ping-pong: round trips per iteration (two messages each). */
    static final int PING_PONG_ROUND_TRIPS = 100_000;

    /** Echo: pairs, and the batch a sender puts in flight before it waits for all its echoes (Akka's TypedActorBenchmark shape). */
    static final int ECHO_PAIRS = 64;
    static final int ECHO_BATCH = 50;
    /** Echo: round trips per pair per iteration (a multiple of {@link #ECHO_BATCH}). */
    static final int ECHO_ROUND_TRIPS_PER_PAIR = 2_000;

    /** Fan-in: messages per iteration over all producers. */
    static final int FAN_IN_TOTAL = 262_144;
    /** Fan-in: a producer sends batches of this many; the last message of a batch asks the consumer for an ack. */
    static final int FAN_IN_ACK_BATCH = 1_024;
    /** Fan-in: batches a producer may have un-acked (its window is WINDOW_BATCHES * ACK_BATCH messages). */
    static final int FAN_IN_WINDOW_BATCHES = 4;

    /** Request/response: sequential calls per iteration. */
    static final int RR_CALLS = 20_000;
    /** Request/response: one call in this many is timed for the latency percentiles. */
    static final int RR_SAMPLE_EVERY = 8;
    /** Request/response: the reply timeout of every call (Pekko's ask always has one; so do the others). */
    static final long RR_CALL_TIMEOUT_MS = 10_000;

    /** Spawn: processes in the warm-up round before the measured one (bench/run --quick uses none). */
    static final int SPAWN_WARMUP = 100_000;

    /** Longest wait for one iteration or one phase before the harness gives up. */
    static final long ITERATION_TIMEOUT_S = 60;
}
