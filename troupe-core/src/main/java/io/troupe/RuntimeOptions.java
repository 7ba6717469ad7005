package io.troupe;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link TroupeRuntime}.
 *
 * @param node            the node name, {@code name@host}; a runtime that is not part of a
 *                        cluster is {@code nonode@nohost}
 * @param schedulerThreads the number of worker threads that run handler processes; defaults to the
 *                        number of available processors
 * @param throughput      how many messages a handler process handles before its worker moves on
 *                        to the next runnable process (fairness versus batching)
 * @param shutdownTimeout how long {@link TroupeRuntime#close()} waits for processes to end
 */
public record RuntimeOptions(String node, int schedulerThreads, int throughput, Duration shutdownTimeout) {

    public static final String LOCAL_NODE = "nonode@nohost";

    public RuntimeOptions {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (!node.matches("[A-Za-z0-9_\\-]+@[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("node name must look like name@host: " + node);
        }
        if (schedulerThreads < 1) throw new IllegalArgumentException("schedulerThreads must be >= 1");
        if (throughput < 1) throw new IllegalArgumentException("throughput must be >= 1");
    }

    /** The defaults: local node, one worker per processor, throughput 64, 10 s shutdown. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(LOCAL_NODE, Runtime.getRuntime().availableProcessors(), 64, Duration.ofSeconds(10));
    }

    public RuntimeOptions withNode(String node) {
        return new RuntimeOptions(node, schedulerThreads, throughput, shutdownTimeout);
    }

    public RuntimeOptions withSchedulerThreads(int threads) {
        return new RuntimeOptions(node, threads, throughput, shutdownTimeout);
    }

    public RuntimeOptions withThroughput(int messages) {
        return new RuntimeOptions(node, schedulerThreads, messages, shutdownTimeout);
    }

    public RuntimeOptions withShutdownTimeout(Duration timeout) {
        return new RuntimeOptions(node, schedulerThreads, throughput, timeout);
    }
}
