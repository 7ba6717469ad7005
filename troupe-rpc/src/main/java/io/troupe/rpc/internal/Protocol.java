package io.troupe.rpc.internal;

import io.troupe.Pid;
import io.troupe.rpc.ServiceInfo;

import java.util.List;

/**
 * The messages of the RPC layer, between callers' agents, service hosts and the agents of other
 * nodes. Every one is a record of allowed types, so it crosses nodes through the node's codec
 * ({@link RpcMessageTypes} adds them to the allowlist).
 */
final class Protocol {
    private Protocol() {
    }

    // ------------------------------------------------------------ caller -> host

    /**
     * A call. {@code id} is unique per {@code replyTo} (the caller node's agent);
     * {@code timeoutMillis} is the time left when it was sent (clocks of nodes are not compared).
     */
    record Request(long id, Pid replyTo, String function, List<Object> args, long timeoutMillis) {
    }

    /** The caller gave up on call {@code id}: end its process if it still runs. */
    record CancelCall(long id, Pid replyTo) {
    }

    /** A message sent to the service by name. */
    record Message(Object payload) {
    }

    // ------------------------------------------------------------ host -> caller's agent

    /** Call {@code id} returned {@code value}. */
    record Reply(long id, Object value) {
    }

    /** Call {@code id} failed: {@link #NO_FUNCTION} or {@link #THREW} (with type and message). */
    record Failure(long id, int kind, String type, String message) {
        static final int NO_FUNCTION = 1;
        static final int THREW = 2;
    }

    // ------------------------------------------------------------ agent <-> agent (the directory)

    /** Services of {@code node}: sent when registered, and to a node that connects or asks. */
    record Announce(String node, List<ServiceInfo> services) {
    }

    /** The service {@code name} hosted by {@code host} is gone. */
    record Withdraw(String name, Pid host) {
    }

    /** A new agent asks for the services of the receiving node. */
    record Hello(String node) {
    }
}
