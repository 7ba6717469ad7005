package io.troupe.bench;

/** One messaging workload, set up and ready to run iterations. */
interface Workload extends AutoCloseable {

    /**
     * Runs one bounded iteration and returns the units it completed (messages or round trips).
     * Throws if it does not finish within {@link Sizes#ITERATION_TIMEOUT_S}.
     */
    long iterate() throws Exception;

    /** Called once between the warm-up and the measured iterations. */
    default void startMeasuring() {
    }

    /** Prints extra samples (e.g. latency percentiles) after the measured iterations. */
    default void reportExtra(Samples out) {
    }

    @Override
    void close();
}
