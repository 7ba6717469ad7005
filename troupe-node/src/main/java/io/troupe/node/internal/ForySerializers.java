package io.troupe.node.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.node.spi.Codec;
import org.apache.fory.config.Config;
import org.apache.fory.context.ReadContext;
import org.apache.fory.context.WriteContext;
import org.apache.fory.serializer.Serializer;

/** Fory serializers for the Troupe values that must not cross as plain objects. */
final class ForySerializers {
    private ForySerializers() {
    }

    /** Any pid crosses as (node, id, creation) and comes back through the receiving node. */
    static final class PidSerializer extends Serializer<Object> {
        private final Codec.Context context;
        private final NodeNames names = new NodeNames();

        @SuppressWarnings({"unchecked", "rawtypes"})
        PidSerializer(Config config, Class<?> type, Codec.Context context) {
            super(config, (Class) type);
            this.context = context;
        }

        @Override
        public void write(WriteContext out, Object value) {
            Pid pid = (Pid) value;
            out.writeString(pid.node());
            out.writeVarUInt64(pid.id());
            out.writeInt32(pid.creation());
        }

        @Override
        public Object read(ReadContext in) {
            String node = names.intern(in.readString());
            long id = in.readVarUInt64();
            int creation = in.readInt32();
            return context.pid(node, id, creation);
        }
    }

    /** {@link ExitReason.Failure} without its throwable: type and message. */
    static final class FailureSerializer extends Serializer<ExitReason.Failure> {
        FailureSerializer(Config config) {
            super(config, ExitReason.Failure.class);
        }

        @Override
        public void write(WriteContext out, ExitReason.Failure value) {
            out.writeString(value.type());
            out.writeBoolean(value.message() != null);
            if (value.message() != null) out.writeString(value.message());
        }

        @Override
        public ExitReason.Failure read(ReadContext in) {
            String type = in.readString();
            String message = in.readBoolean() ? in.readString() : null;
            return new ExitReason.Failure(type, message, null);
        }
    }

    /** A value with one instance (the reasons without fields): nothing on the wire. */
    static final class ConstantSerializer extends Serializer<Object> {
        private final Object constant;

        @SuppressWarnings({"unchecked", "rawtypes"})
        ConstantSerializer(Config config, Object constant) {
            super(config, (Class) constant.getClass());
            this.constant = constant;
        }

        @Override
        public void write(WriteContext out, Object value) {
        }

        @Override
        public Object read(ReadContext in) {
            return constant;
        }
    }
}
