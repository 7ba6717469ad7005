package io.troupe.node.internal;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.TopicMessage;
import io.troupe.node.NodeDown;
import io.troupe.node.spi.Codec;
import io.troupe.node.spi.CodecException;
import io.troupe.RuntimeOptions;
import io.troupe.TroupeRuntime;
import io.troupe.spi.RuntimeEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForyCodecTest {
    record Point(int x, int y) {
    }

    record Unlisted(String text) {
    }

    record Wrapper(Object inner) {
    }

    private static final TroupeRuntime RUNTIME = TroupeRuntime.start(RuntimeOptions.defaults().withNode("codec@test"));
    private static final RuntimeEndpoint ENDPOINT = RuntimeEndpoint.attach(RUNTIME, new NoDistribution());

    @AfterAll
    static void stop() {
        RUNTIME.close();
    }

    private static Codec.Context context(List<Class<?>> types) {
        return new Codec.Context() {
            @Override
            public Pid pid(String node, long id, int creation) {
                return ENDPOINT.pid(node, id, creation);
            }

            @Override
            public List<Class<?>> messageTypes() {
                return types;
            }

            @Override
            public List<Class<?>> controlTypes() {
                return Control.TYPES;
            }
        };
    }

    private final Codec writer = new ForyCodec(context(List.of(Point.class, Wrapper.class)));
    private final Codec reader = new ForyCodec(context(List.of(Point.class, Wrapper.class)));

    private Object roundTrip(Object value) {
        ByteBuffer bytes = writer.encode(value);
        ByteBuffer copy = ByteBuffer.allocateDirect(bytes.remaining() + 10);
        copy.position(5);
        copy.put(bytes).flip().position(5);
        return reader.decode(copy);
    }

    @Test
    void troupeValuesCross() {
        Ref ref = new Ref("a@h", 5);
        Pid pid = ENDPOINT.pid("a@h", 3, 9);
        ExitReason failure = new ExitReason.Failure("java.lang.IllegalStateException", "bad", new IllegalStateException("bad"));
        List<Object> values = List.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.KILL, ExitReason.KILLED,
                ExitReason.NOPROC, ExitReason.NOCONNECTION, new ExitReason.Value("why"), ref, Name.of("x", "a@h"),
                new Exit(pid, ExitReason.KILLED), new Down(ref, pid, new ExitReason.Value(42)),
                new TopicMessage("t", pid, "p"), new NodeDown("b@h", ExitReason.NOCONNECTION), pid);
        for (Object value : values) {
            assertThat(roundTrip(value)).as(value.toString()).isEqualTo(value);
        }
        ExitReason.Failure back = (ExitReason.Failure) roundTrip(failure);
        assertThat(back.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(back.message()).isEqualTo("bad");
        assertThat(back.cause()).isNull();
        assertThat(roundTrip(new ExitReason.Failure("T", null, null))).isEqualTo(new ExitReason.Failure("T", null, null));
    }

    @Test
    void jdkValuesAndUserTypesCross() {
        List<Object> values = List.of("text", 42, 7L, 2.5, true, 'c', List.of(1, 2), Map.of("k", "v"),
                new ArrayList<>(List.of("a")), new HashMap<>(Map.of(1, 2)), Optional.of("o"), UUID.randomUUID(),
                new Point(1, 2), new Wrapper(new Point(3, 4)), new Wrapper(List.of(new Point(5, 6))));
        for (Object value : values) {
            assertThat(roundTrip(value)).as(value.toString()).isEqualTo(value);
        }
        assertThat((byte[]) roundTrip(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void unregisteredTypeIsRefusedWithItsName() {
        assertThatThrownBy(() -> writer.encode(new Unlisted("x")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Unlisted.class.getName());
        assertThatThrownBy(() -> writer.encode(new Wrapper(new Unlisted("x"))))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Unlisted.class.getName());
    }

    @Test
    void typeUnknownToTheReaderIsRefusedWithItsName() {
        Codec narrow = new ForyCodec(context(List.of()));
        ByteBuffer bytes = writer.encode(new Point(1, 2));
        assertThatThrownBy(() -> narrow.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Point.class.getName())
                .extracting(e -> ((CodecException) e).type()).isEqualTo(Point.class.getName());
    }

    @Test
    void garbageNeverEscapesAsAnythingButCodecException() {
        SplittableRandom random = new SplittableRandom(4);
        ByteBuffer valid = writer.encode(new Wrapper(List.of(new Point(1, 2), "x", 3L)));
        byte[] template = new byte[valid.remaining()];
        valid.get(template);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = i % 2 == 0 ? new byte[1 + random.nextInt(64)] : template.clone();
            if (i % 2 == 0) {
                for (int j = 0; j < bytes.length; j++) bytes[j] = (byte) random.nextInt(256);
            } else {
                for (int flips = 0; flips < 3; flips++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                reader.decode(ByteBuffer.wrap(bytes));
            } catch (CodecException expected) {
                // fine
            }
        }
    }
}
