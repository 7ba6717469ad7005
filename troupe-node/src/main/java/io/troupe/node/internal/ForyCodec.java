package io.troupe.node.internal;

import io.troupe.Cancel;
import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.GroupEvent;
import io.troupe.Name;
import io.troupe.Ref;
import io.troupe.Spawned;
import io.troupe.TopicMessage;
import io.troupe.node.NodeDown;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/*
 * Overview: the default codec, Apache Fory in Java mode with class registration required.
 *
 * Registration is the allowlist. Troupe's own types are registered by number, in a fixed order
 * that every node of one Troupe version shares (the fingerprint, compared in the handshake, refuses
 * a peer that numbers them differently); user types are registered by class name, so that
 * two nodes with different allowlists cannot confuse one type with another: an unknown name fails
 * with Fory's "Class <name> is not registered", which names the type. Reference tracking is off:
 * messages are values (a shared object arrives as two copies; cycles are not supported).
 *
 * Fory generates a serializer class per message type on first use, which takes up to a second in
 * a cold JVM; asynchronous compilation serializes with the reflective serializer meanwhile, so a
 * connection's writer or reader never stalls long enough to miss heartbeats.
 *
 * Buffers: encode writes into one growable heap buffer and returns a view of it; decode points one
 * reusable MemoryBuffer at exactly the frame's bytes, so a hostile length cannot read or allocate
 * past the frame (Fory checks bounds before it allocates arrays).
 */
public final class ForyCodec implements Codec {
    static {
        // Fory logs through SLF4J like the rest of Troupe (its own logger prints to stdout)
        org.apache.fory.logging.LoggerFactory.useSlf4jLogging(true);
    }

    private static final int FIRST_ID = 100;
    private static final int SHRINK_ABOVE = 1 << 20;

    private final Fory fory;
    private MemoryBuffer out = MemoryBuffer.newHeapBuffer(4096);
    private ByteBuffer outView = ByteBuffer.wrap(out.getHeapMemory());
    private final MemoryBuffer in = MemoryBuffer.fromByteArray(new byte[0]);
    private final List<String> registered = new ArrayList<>();
    private String fingerprint;

    public ForyCodec(Context context) {
        this.fory = Fory.builder()
                .withLanguage(Language.JAVA)
                .requireClassRegistration(true)
                .withRefTracking(false)
                .withCompatible(false)
                .withDeserializeUnknownClass(false)
                .withClassVersionCheck(true)
                .suppressClassRegistrationWarnings(true)
                .withAsyncCompilation(true)
                .build();
        register(context);
    }

    private void register(Context context) {
        int id = FIRST_ID;
        for (Class<?> type : PidTypes.discover(context)) {
            registered.add(id + "=" + type.getName());
            fory.register(type, id++);
            fory.registerSerializer(type, new ForySerializers.PidSerializer(fory.getConfig(), type, context));
        }
        id = FIRST_ID + 10;
        for (ExitReason constant : List.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.KILL,
                ExitReason.KILLED, ExitReason.NOPROC, ExitReason.NOCONNECTION)) {
            registered.add(id + "=" + constant.getClass().getName());
            fory.register(constant.getClass(), id++);
            fory.registerSerializer(constant.getClass(), new ForySerializers.ConstantSerializer(fory.getConfig(), constant));
        }
        registered.add(id + "=" + ExitReason.Failure.class.getName());
        fory.register(ExitReason.Failure.class, id++);
        fory.registerSerializer(ExitReason.Failure.class, new ForySerializers.FailureSerializer(fory.getConfig()));
        for (Class<?> type : List.of(ExitReason.Value.class, Ref.class, Name.class, Exit.class, Down.class,
                TopicMessage.class, Cancel.class, GroupEvent.Joined.class, GroupEvent.Left.class, Spawned.class,
                NodeDown.class, io.troupe.node.NodeUp.class)) {
            registered.add(id + "=" + type.getName());
            fory.register(type, id++);
        }
        for (Class<?> type : List.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class, UUID.class)) {
            try {
                fory.register(type, id);
                registered.add(id + "=" + type.getName());
            } catch (IllegalArgumentException alreadyBuiltIn) {
                // Fory has its own registration for it
            }
            id++;
        }
        id = FIRST_ID + 50;
        for (Class<?> type : context.controlTypes()) {
            registered.add(id + "=" + type.getName());
            fory.register(type, id++);
        }
        fingerprint = fingerprint(registered);
        for (Class<?> type : context.messageTypes()) {
            fory.register(type, type.getName());
        }
    }

    /** Types registered by number must be numbered alike on both ends: a hash of the numbering. */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprint(List<String> registrations) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", registrations).getBytes(StandardCharsets.UTF_8));
            return "fory-" + Fory.class.getPackage().getImplementationVersion() + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ByteBuffer encode(Object message) {
        if (out.size() > SHRINK_ABOVE) {
            out = MemoryBuffer.newHeapBuffer(4096);
        }
        out.writerIndex(0);
        try {
            fory.serialize(out, message);
        } catch (RuntimeException | StackOverflowError e) {
            String type = message == null ? "null" : message.getClass().getName();
            throw new CodecException(type, "cannot encode a message of type " + type + ": " + describe(e), e);
        }
        byte[] heap = out.getHeapMemory();
        if (outView.array() != heap) outView = ByteBuffer.wrap(heap);
        outView.limit(out.writerIndex()).position(0);
        return outView;
    }

    @Override
    public Object decode(ByteBuffer bytes) {
        int start = bytes.position();
        int end = bytes.limit();
        in.initByteBuffer(bytes, end);
        in.readerIndex(start);
        Object value;
        try {
            value = fory.deserialize(in);
        } catch (RuntimeException | StackOverflowError e) {
            throw new CodecException(typeIn(e), "cannot decode a message: " + describe(e), e);
        }
        if (in.readerIndex() != end) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new CodecException(type, "malformed message of type " + type + ": decoding used "
                    + (in.readerIndex() - start) + " of " + (end - start) + " bytes", null);
        }
        return value;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root.getMessage();
        if (text == null) return root.getClass().getSimpleName();
        int advice = text.indexOf(", please check");
        return advice > 0 ? text.substring(0, advice) : text;
    }

    /** The class name in Fory's "Class x.y.Z is not registered" errors, if any. */
    private static String typeIn(Throwable e) {
        String text = describe(e);
        int at = text.indexOf("Class ");
        if (at < 0) return null;
        int end = text.indexOf(' ', at + 6);
        return text.substring(at + 6, end < 0 ? text.length() : end);
    }
}
