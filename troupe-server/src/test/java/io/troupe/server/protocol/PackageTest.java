package io.troupe.server.protocol;

import static io.troupe.server.protocol.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageTest {

    @Test
    void headersOfTheReferenceExamples() {
        assertThat(Package.of(PackageType.HANDSHAKE_ACK).encode()).isEqualTo(of("02 00 00 00"));
        assertThat(Package.of(PackageType.HEARTBEAT).encode()).isEqualTo(of("03 00 00 00"));
        byte[] kick = of("05 00 00 11", "'{\"reason\":\"kick\"}");
        assertThat(Package.encode(PackageType.KICK, of("'{\"reason\":\"kick\"}"))).isEqualTo(kick);
        assertThat(Package.decodeAll(kick, 1000)).containsExactly(new Package(PackageType.KICK, of("'{\"reason\":\"kick\"}")));
    }

    @Test
    void lengthIsThreeBytesBigEndian() {
        byte[] body = new byte[0x01_02_03];
        byte[] p = Package.encode(PackageType.DATA, body);
        assertThat(p).startsWith(of("04 01 02 03"));
        assertThat(p).hasSize(4 + 0x01_02_03);
        assertThatThrownBy(() -> Package.encode(PackageType.DATA, new byte[Package.MAX_BODY_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeAllReadsSeveralPackagesOfOneFrame() {
        byte[] frame = of("03 00 00 00", "04 00 00 02 aa bb", "02 00 00 00");
        assertThat(Package.decodeAll(frame, 100)).containsExactly(Package.of(PackageType.HEARTBEAT),
                new Package(PackageType.DATA, of("aa bb")), Package.of(PackageType.HANDSHAKE_ACK));
    }

    @Test
    void decodeAllRejectsBadInput() {
        assertThatThrownBy(() -> Package.decodeAll(of("09 00 00 00"), 100)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown package type 9");
        assertThatThrownBy(() -> Package.decodeAll(of("00 00 00 00"), 100)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Package.decodeAll(of("04 00 00 05 01"), 100)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> Package.decodeAll(of("04 00"), 100)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Package.decodeAll(of("04 00 01 00"), 100)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void streamDecoderHandlesAnySplit() {
        byte[] stream = of("01 00 00 02 7b 7d", "02 00 00 00", "03 00 00 00", "04 00 00 03 01 02 03");
        List<Package> expected = Package.decodeAll(stream, 100);
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            PackageDecoder d = new PackageDecoder(100);
            List<Package> got = new ArrayList<>();
            for (int i = 0; i < stream.length; i += chunk) {
                d.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)), got::add);
            }
            assertThat(got).as("chunk %d", chunk).containsExactlyElementsOf(expected);
            assertThat(d.hasPartialPackage()).isFalse();
        }
    }

    @Test
    void streamDecoderRejectsOversizedAndUnknownBeforeTheBody() {
        PackageDecoder d = new PackageDecoder(64 * 1024);
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(of("04 ff ff ff")), p -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds the limit of 65536");
        PackageDecoder d2 = new PackageDecoder(100);
        List<Package> got = new ArrayList<>();
        assertThatThrownBy(() -> d2.feed(ByteBuffer.wrap(of("03 00 00 00 06 00 00 00")), got::add))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown package type 6");
        assertThat(got).containsExactly(Package.of(PackageType.HEARTBEAT));
    }

    @Test
    void typesByCode() {
        for (PackageType t : PackageType.values()) {
            assertThat(PackageType.of(t.code())).isSameAs(t);
        }
        assertThat(PackageType.of(0)).isNull();
        assertThat(PackageType.of(6)).isNull();
        assertThat(PackageType.of(255)).isNull();
    }
}
