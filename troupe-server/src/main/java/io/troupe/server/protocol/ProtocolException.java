package io.troupe.server.protocol;

/**
 * Input that does not follow the pomelo protocol: a malformed package or message, an unknown type, an oversized
 * length, bad JSON or a body that does not match its protobuf schema. A connection that produces one is closed.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
