package io.troupe.node.spi;

/**
 * A message could not be encoded or decoded: its type is not on the allowlist, or the bytes are
 * malformed. The message names the type where it is known.
 */
public final class CodecException extends RuntimeException {
    private final String type;

    public CodecException(String type, String message, Throwable cause) {
        super(message, cause, false, false);
        this.type = type;
    }

    /** The class name involved, or {@code null} if the bytes did not tell. */
    public String type() {
        return type;
    }
}
