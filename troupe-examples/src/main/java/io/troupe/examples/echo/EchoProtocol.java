package io.troupe.examples.echo;

import io.troupe.Pid;

import java.util.Objects;

/**
 * The messages of the echo service (Wippy's {@code examples/13-echo-service}, seed 001). The client
 * sends {@link Request} under topic {@link #ECHO} to the process registered as {@link #RELAY}; a
 * worker answers the client directly with {@link Response} under {@link #ECHO_RESPONSE}.
 *
 * <p>Unlike the Wippy original, both carry a request id (WP-1 f): the client drops a response whose
 * id is not the one it is waiting for, so a reply that arrives after its timeout is never taken as
 * the answer to the next line.
 */
public final class EchoProtocol {
    /** The relay's registered name. */
    public static final String RELAY = "relay";
    /** Topic of requests, client → relay. */
    public static final String ECHO = "echo";
    /** Topic of responses, worker → client. */
    public static final String ECHO_RESPONSE = "echo_response";

    private EchoProtocol() {
    }

    /**
     * Please echo {@code data}.
     *
     * @param sender    where the response goes
     * @param data      the text
     * @param requestId chosen by the sender; copied into the response
     */
    public record Request(Pid sender, String data, long requestId) {
        public Request {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The echo of a {@link Request}.
     *
     * @param data      the text, upper-cased
     * @param worker    the worker process that made it
     * @param requestId the request's id
     */
    public record Response(String data, Pid worker, long requestId) {
    }
}
