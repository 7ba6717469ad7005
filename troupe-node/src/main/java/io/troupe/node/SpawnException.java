package io.troupe.node;

import io.troupe.TroupeException;

/**
 * A remote spawn could not be carried out: the function is not registered on the target node, the
 * node cannot be reached, or it did not answer in time. The message says which.
 */
public final class SpawnException extends TroupeException {
    public SpawnException(String message) {
        super(message);
    }

    public SpawnException(String message, Throwable cause) {
        super(message, cause);
    }
}
