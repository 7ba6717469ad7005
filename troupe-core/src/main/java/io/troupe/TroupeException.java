package io.troupe;

/** Base of the exceptions Troupe throws for calls that cannot be carried out. */
public class TroupeException extends RuntimeException {
    public TroupeException(String message) {
        super(message);
    }

    public TroupeException(String message, Throwable cause) {
        super(message, cause);
    }
}
