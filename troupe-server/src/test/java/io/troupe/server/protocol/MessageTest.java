package io.troupe.server.protocol;

import static io.troupe.server.protocol.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void requestWithPlainRouteAsInTheReference() {
        byte[] wire = of("04 00 00 2d", "00", "01", "1b", "'gate.gateHandler.queryEntry", "'{\"uid\":\"alice\"}");
        Message m = Message.request(1, "gate.gateHandler.queryEntry", utf8("{\"uid\":\"alice\"}"));
        assertThat(m.encodePackage()).isEqualTo(wire);
        assertThat(Message.decode(Package.decodeAll(wire, 1000).get(0).body())).isEqualTo(m);
    }

    @Test
    void requestWithCompressedRouteAsInTheReference() {
        byte[] wire = of("04 00 00 0c", "01", "ac 02", "00 01", "0a 02 68 69 12 01 2a");
        Message m = Message.request(300, 1, of("0a 02 68 69 12 01 2a"));
        assertThat(m.encodePackage()).isEqualTo(wire);
        assertThat(Message.decode(java.util.Arrays.copyOfRange(wire, 4, wire.length))).isEqualTo(m);
    }

    @Test
    void responseAsInTheReference() {
        byte[] wire = of("04 00 00 2d", "04", "01", "'{\"code\":200,\"host\":\"127.0.0.1\",\"port\":3050}");
        Message m = Message.response(1, utf8("{\"code\":200,\"host\":\"127.0.0.1\",\"port\":3050}"));
        assertThat(m.encodePackage()).isEqualTo(wire);
        assertThat(Message.decode(java.util.Arrays.copyOfRange(wire, 4, wire.length))).isEqualTo(m);
    }

    @Test
    void pushWithCompressedRouteAsInTheReference() {
        byte[] wire = of("04 00 00 11", "07", "00 05", "0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a");
        Message m = Message.push(5, of("0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a"));
        assertThat(m.encodePackage()).isEqualTo(wire);
        assertThat(Message.decode(java.util.Arrays.copyOfRange(wire, 4, wire.length))).isEqualTo(m);
    }

    @Test
    void flagBytes() {
        assertThat(Message.request(1, "a", null).flag()).isEqualTo(0x00);
        assertThat(Message.request(1, 7, null).flag()).isEqualTo(0x01);
        assertThat(Message.notify("a", null).flag()).isEqualTo(0x02);
        assertThat(Message.notify(7, null).flag()).isEqualTo(0x03);
        assertThat(Message.response(1, null).flag()).isEqualTo(0x04);
        assertThat(Message.push("a", null).flag()).isEqualTo(0x06);
        assertThat(Message.push(7, null).flag()).isEqualTo(0x07);
        Message gz = new Message(MessageType.PUSH, 0, "a", -1, true, null);
        assertThat(gz.flag()).isEqualTo(0x16);
        assertThat(Message.decode(gz.encode()).gzip()).isTrue();
    }

    @Test
    void idVarints() {
        assertThat(Message.response(1, null).encode()).isEqualTo(of("04 01"));
        assertThat(Message.response(127, null).encode()).isEqualTo(of("04 7f"));
        assertThat(Message.response(128, null).encode()).isEqualTo(of("04 80 01"));
        assertThat(Message.response(300, null).encode()).isEqualTo(of("04 ac 02"));
        assertThat(Message.response(16384, null).encode()).isEqualTo(of("04 80 80 01"));
        assertThat(Message.response(Integer.MAX_VALUE, null).encode()).isEqualTo(of("04 ff ff ff ff 07"));
        for (int id : new int[] {0, 1, 127, 128, 255, 16383, 16384, 2_097_151, 2_097_152, Integer.MAX_VALUE}) {
            assertThat(Message.decode(Message.response(id, null).encode()).id()).isEqualTo(id);
        }
    }

    @Test
    void emptyAndLongRoutes() {
        assertThat(Message.notify("", utf8("{}")).encode()).isEqualTo(of("02 00", "'{}"));
        assertThat(Message.decode(of("02 00", "'{}")).route()).isEqualTo("");
        String r255 = "r".repeat(255);
        assertThat(Message.decode(Message.notify(r255, null).encode()).route()).isEqualTo(r255);
        assertThatThrownBy(() -> Message.notify("r".repeat(256), null).encode())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Message.push(0xFFFF, null).encode()).isEqualTo(of("07 ff ff"));
        assertThatThrownBy(() -> Message.push(0x10000, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8Routes() {
        Message m = Message.push("聊天.房间", utf8("{}"));
        assertThat(Message.decode(m.encode())).isEqualTo(m);
    }

    @Test
    void malformedMessagesAreRejected() {
        assertThatThrownBy(() -> Message.decode(new byte[0])).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Message.decode(of("08"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown message type 4");
        assertThatThrownBy(() -> Message.decode(of("00 80"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Message.decode(of("00 ff ff ff ff 0f"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Message.decode(of("00 80 80 80 80 80 01"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Message.decode(of("00 01 05 61"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated route");
        assertThatThrownBy(() -> Message.decode(of("01 01 00"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Message.decode(of("02"))).isInstanceOf(ProtocolException.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
