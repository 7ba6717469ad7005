package io.troupe.node.spi;

import java.io.IOException;

/** A node name is already published by another live node. */
public final class NameInUseException extends IOException {
    public NameInUseException(String node, String detail) {
        super("node name " + node + " is in use: " + detail);
    }
}
