package io.troupe.node.spi;

import java.util.List;

/**
 * Message types a library adds to every node's allowlist, so that its own records cross the wire
 * without each application listing them in {@code NodeOptions.withMessageTypes}. Found with
 * {@link java.util.ServiceLoader} when a node starts (declare it with {@code provides} in
 * {@code module-info.java} and in {@code META-INF/services}).
 *
 * <p>Invariants: the list is the same on every node of a cluster that uses the library (the
 * types are registered by class name, so order does not matter); the classes must be records or
 * plain value classes whose fields are themselves allowed types, and their package must be open
 * to the codec (for Fory: {@code opens pkg to org.apache.fory.core}).
 */
public interface MessageTypeProvider {

    /** The types to allow. Called once per node start, from the thread that starts the node. */
    List<Class<?>> messageTypes();
}
