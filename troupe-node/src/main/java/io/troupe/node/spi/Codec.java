package io.troupe.node.spi;

import io.troupe.Pid;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns messages into bytes and back for one direction of one connection.
 *
 * <h2>Invariants every codec must keep</h2>
 * <ol>
 *   <li>Only an explicit allowlist crosses: Troupe's own records ({@code Pid}s, {@code Ref},
 *       every {@code ExitReason}, {@code Exit}, {@code Down}, {@code Name}, {@code TopicMessage},
 *       {@code Cancel}, {@code GroupEvent}s, {@code NodeDown}, the node's control records), strings,
 *       boxed primitives, primitive arrays and the JDK collections, plus
 *       {@link Context#messageTypes()}. Anything else fails with {@link CodecException} naming the
 *       type. Java serialization is never used.</li>
 *   <li>A pid is written as (node, id, creation) and read back through {@link Context#pid}, so a
 *       pid of the receiving node becomes its live process.</li>
 *   <li>{@code ExitReason.Failure} crosses without its {@code Throwable}: type and message only.</li>
 *   <li>Decoding malformed or hostile bytes throws {@link CodecException} (never an
 *       {@link Error}, never an allocation larger than the input justifies).</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * A codec instance is used by one thread at a time (a connection's writer or its reader), so it
 * may keep buffers without locks. {@link Factory#create} may be called from any thread.
 */
public interface Codec {

    /**
     * Encodes {@code message}. The result is positioned at the first byte and stays valid until the
     * next call on this codec.
     */
    ByteBuffer encode(Object message);

    /** Decodes exactly the bytes between {@code bytes.position()} and {@code bytes.limit()}. */
    Object decode(ByteBuffer bytes);

    /**
     * A short text that two codecs must share to understand each other (for example a hash of the
     * type numbering). Nodes compare it in the handshake and refuse a peer with another one, so
     * different versions never misread each other's bytes. The default, "", opts out.
     */
    default String fingerprint() {
        return "";
    }

    /** Makes codecs: one per connection and direction. */
    @FunctionalInterface
    interface Factory {
        Codec create(Context context);
    }

    /** What a codec needs from its node. */
    interface Context {

        /** The pid for (node, id, creation); see invariant 2. */
        Pid pid(String node, long id, int creation);

        /** The user's message types (the allowlist beyond Troupe's own). */
        List<Class<?>> messageTypes();

        /** Troupe's internal control records, which must cross too. */
        List<Class<?>> controlTypes();
    }

    /** The default codec: Apache Fory with class registration. */
    static Factory fory() {
        return io.troupe.node.internal.ForyCodec::new;
    }
}
