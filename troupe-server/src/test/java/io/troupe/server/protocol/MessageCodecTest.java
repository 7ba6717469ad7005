package io.troupe.server.protocol;

import static io.troupe.server.protocol.Bytes.json;
import static io.troupe.server.protocol.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final MessageCodec CHAT = ChatProtocol.CODEC;

    @Test
    void chatDictionaryAsPinusBuildsIt() {
        assertThat(ChatProtocol.DICT.codes()).containsExactly(Map.entry("chat.chatHandler.send", 1),
                Map.entry("connector.entryHandler.enter", 2), Map.entry("connector.entryHandler.onUserLeave", 3),
                Map.entry("gate.gateHandler.queryEntry", 4), Map.entry("onChat", 5));
        assertThat(ChatProtocol.DICT.route(5)).isEqualTo("onChat");
        assertThat(ChatProtocol.DICT.code("onAdd")).isEqualTo(-1);
        assertThat(ChatProtocol.DICT.version()).isNotBlank();
    }

    @Test
    void clientRequestWithDictAndProtobufIsTheReferenceBytes() {
        byte[] wire = CHAT.encodeClientMessage(300, "chat.chatHandler.send", json("{\"content\":\"hi\",\"target\":\"*\"}"));
        assertThat(wire).isEqualTo(of("04 00 00 0c 01 ac 02 00 01 0a 02 68 69 12 01 2a"));
        DecodedMessage m = CHAT.decodeClientMessage(body(wire));
        assertThat(m).isEqualTo(new DecodedMessage(MessageType.REQUEST, 300, "chat.chatHandler.send",
                json("{\"content\":\"hi\",\"target\":\"*\"}")));
    }

    @Test
    void pushWithDictAndProtobufIsTheReferenceBytes() {
        byte[] wire = CHAT.encodePush("onChat", json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}"));
        assertThat(wire).isEqualTo(of("04 00 00 11 07 00 05 0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a"));
        assertThat(CHAT.decodeServerMessage(body(wire), id -> null))
                .isEqualTo(new DecodedMessage(MessageType.PUSH, 0, "onChat",
                        json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}")));
    }

    @Test
    void pushOutsideTheDictionaryHasAPlainRouteAndJson() {
        byte[] wire = CHAT.encodePush("onAdd", json("{\"user\":\"bob\"}"));
        assertThat(wire).isEqualTo(of("04 00 00 15 06 05", "'onAdd", "'{\"user\":\"bob\"}"));
    }

    @Test
    void responsesAreEncodedWithTheRequestRoutesProto() {
        assertThat(MessageCodec.plain().encodeResponse(1, "gate.gateHandler.queryEntry",
                json("{\"code\":200,\"host\":\"127.0.0.1\",\"port\":3050}")))
                .isEqualTo(of("04 00 00 2d 04 01", "'{\"code\":200,\"host\":\"127.0.0.1\",\"port\":3050}"));
        byte[] empty = CHAT.encodeResponse(7, "chat.chatHandler.send", json("{\"code\":500}"));
        assertThat(empty).isEqualTo(of("04 00 00 02 04 07"));
        assertThat(CHAT.decodeServerMessage(body(empty), id -> id == 7 ? "chat.chatHandler.send" : null))
                .isEqualTo(new DecodedMessage(MessageType.RESPONSE, 7, "chat.chatHandler.send", json("{}")));
        assertThat(CHAT.decodeServerMessage(body(CHAT.encodeResponse(8, "connector.entryHandler.enter",
                json("{\"users\":[\"alice\"]}"))), id -> "connector.entryHandler.enter").body())
                .isEqualTo(json("{\"users\":[\"alice\"]}"));
    }

    @Test
    void notifyRoundTrip() {
        byte[] wire = CHAT.encodeClientMessage(0, "connector.entryHandler.onUserLeave", json("{\"a\":[1,true,null]}"));
        assertThat(wire[4]).isEqualTo((byte) 0x03);
        assertThat(CHAT.decodeClientMessage(body(wire))).isEqualTo(new DecodedMessage(MessageType.NOTIFY, 0,
                "connector.entryHandler.onUserLeave", json("{\"a\":[1,true,null]}")));
    }

    @Test
    void badClientMessages() {
        assertThatThrownBy(() -> CHAT.decodeClientMessage(of("00 01 01", "'x{"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> CHAT.decodeClientMessage(of("01 01 00 63", "'{}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown route code 99");
        assertThatThrownBy(() -> MessageCodec.plain().decodeClientMessage(of("01 01 00 01", "'{}")))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> CHAT.decodeClientMessage(of("01 01 00 01 0a 05 68")))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> CHAT.decodeClientMessage(of("06 01", "'a", "'{}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("PUSH");
        assertThatThrownBy(() -> CHAT.decodeClientMessage(of("10 01 01", "'a", "'{}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("gzip");
    }

    private static byte[] body(byte[] pkg) {
        return Arrays.copyOfRange(pkg, 4, pkg.length);
    }
}
