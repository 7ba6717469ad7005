package io.troupe.server.protocol;

import static io.troupe.server.protocol.Bytes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final byte[] JS_CLIENT = ("{\"sys\":{\"type\":\"js-websocket\",\"version\":\"0.0.1\",\"rsa\":{},"
            + "\"protoVersion\":0},\"user\":{}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheJsClientsHandshake() {
        HandshakeRequest r = HandshakeRequest.decode(JS_CLIENT);
        assertThat(r.clientType()).isEqualTo("js-websocket");
        assertThat(r.clientVersion()).isEqualTo("0.0.1");
        assertThat(r.protoVersion()).isNull();
        assertThat(r.dictVersion()).isNull();
        assertThat(r.user()).isEqualTo(json("{}"));
        assertThat(HandshakeRequest.decode("{}".getBytes(StandardCharsets.UTF_8)).sys()).isNull();
        assertThatThrownBy(() -> HandshakeRequest.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> HandshakeRequest.decode("{\"sys\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void connectorReplyCarriesHeartbeatDictAndProtos() {
        HandshakeResponse r = HandshakeResponse.ok(HandshakeRequest.decode(JS_CLIENT), ChatProtocol.CODEC, 3, null);
        assertThat(r.json().propertyNames()).containsExactly("code", "sys");
        assertThat(r.json().path("sys").propertyNames())
                .containsExactly("heartbeat", "dict", "dictVersion", "useDict", "protos", "useProto");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.heartbeatSeconds()).isEqualTo(3);
        assertThat(r.json().path("sys").path("dict")).isEqualTo(json("""
                {"chat.chatHandler.send":1,"connector.entryHandler.enter":2,"connector.entryHandler.onUserLeave":3,
                 "gate.gateHandler.queryEntry":4,"onChat":5}"""));
        assertThat(r.json().path("sys").path("protos").propertyNames()).containsExactly("server", "client", "version");
        assertThat(r.useDict()).isTrue();
        assertThat(r.useProto()).isTrue();

        HandshakeResponse back = HandshakeResponse.decode(r.encode());
        assertThat(back.dict().codes()).isEqualTo(ChatProtocol.DICT.codes());
        assertThat(back.protos().version()).isEqualTo(ChatProtocol.PROTOS.version());
        assertThat(back.protos().client().encode("chat.chatHandler.send", json("{\"content\":\"hi\",\"target\":\"*\"}")))
                .isEqualTo(Bytes.of("0a 02 68 69 12 01 2a"));
    }

    @Test
    void cachedVersionsSuppressDictAndProtos() {
        HandshakeRequest cached = HandshakeRequest.of("java-tcp", "0.0.1", ChatProtocol.PROTOS.version(),
                ChatProtocol.DICT.version(), null);
        HandshakeResponse r = HandshakeResponse.ok(cached, ChatProtocol.CODEC, 0, json("{\"motd\":\"hi\"}"));
        assertThat(r.encode()).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"code\":200,\"sys\":{\"useDict\":true,\"useProto\":true},\"user\":{\"motd\":\"hi\"}}");
        assertThat(r.dict()).isNull();
        assertThat(r.protos()).isNull();
    }

    @Test
    void gateReplyWithoutHeartbeatOrDict() {
        HandshakeResponse r = HandshakeResponse.ok(HandshakeRequest.decode(JS_CLIENT), MessageCodec.plain(), 0, null);
        assertThat(r.encode()).asString(StandardCharsets.UTF_8).isEqualTo("{\"code\":200,\"sys\":{}}");
    }

    @Test
    void errorReplies() {
        assertThat(HandshakeResponse.error(HandshakeResponse.CODE_OLD_CLIENT).encodePackage())
                .isEqualTo(Bytes.of("01 00 00 0c", "'{\"code\":501}"));
        assertThat(HandshakeResponse.error(500).encode()).asString(StandardCharsets.UTF_8).isEqualTo("{\"code\":500}");
    }
}
