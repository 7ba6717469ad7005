package io.troupe.server.protocol;

import static io.troupe.server.protocol.Bytes.json;
import static io.troupe.server.protocol.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProtoSchemasTest {
    private static final ProtoSchemas KITCHEN = ProtoSchemas.parse(json("""
            {"all": {
               "repeated uInt32 nums": 1,
               "repeated string names": 2,
               "repeated Item items": 3,
               "optional sInt32 delta": 4,
               "optional float f": 5,
               "optional double d": 6,
               "optional Point at": 7,
               "optional int32 i": 8,
               "message Item": {"required uInt32 n": 1, "optional string label": 2}
             },
             "message Point": {"required sInt32 x": 1, "required sInt32 y": 2},
             "bad": {"required string": 1, "sometimes string s": 2, "optional string a": 3, "optional string b": 3}
            }"""));

    @Test
    void chatExamplesOfTheReference() {
        assertThat(ChatProtocol.PROTOS.client().encode("chat.chatHandler.send",
                json("{\"content\":\"hi\",\"target\":\"*\"}"))).isEqualTo(of("0a 02 68 69 12 01 2a"));
        assertThat(ChatProtocol.PROTOS.server().encode("onChat",
                json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}")))
                .isEqualTo(of("0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a"));
        assertThat(ChatProtocol.PROTOS.server().decode("onChat", of("0a 02 68 69 12 05 61 6c 69 63 65 1a 01 2a")))
                .isEqualTo(json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}"));
    }

    @Test
    void fieldsAreWrittenInObjectOrderAndOnlyWhenPresent() {
        assertThat(ChatProtocol.PROTOS.client().encode("chat.chatHandler.send",
                json("{\"target\":\"*\",\"rid\":\"r1\",\"content\":\"hi\",\"from\":\"x\"}")))
                .isEqualTo(of("12 01 2a 0a 02 68 69"));
    }

    @Test
    void repeatedSimpleTypesCarryAnElementCount() {
        assertThat(KITCHEN.encode("all", json("{\"nums\":[1,2,300]}"))).isEqualTo(of("08 03 01 02 ac 02"));
        assertThat(KITCHEN.encode("all", json("{\"nums\":[]}"))).isEmpty();
    }

    @Test
    void repeatedStringsAndMessagesAreOneKeyPerElement() {
        assertThat(KITCHEN.encode("all", json("{\"names\":[\"a\",\"b\"]}"))).isEqualTo(of("12 01 61 12 01 62"));
        assertThat(KITCHEN.encode("all", json("{\"items\":[{\"n\":1},{\"n\":2,\"label\":\"x\"}]}")))
                .isEqualTo(of("1a 02 08 01", "1a 05 08 02 12 01 78"));
    }

    @Test
    void numbers() {
        assertThat(KITCHEN.encode("all", json("{\"delta\":-1}"))).isEqualTo(of("20 01"));
        assertThat(KITCHEN.encode("all", json("{\"delta\":1}"))).isEqualTo(of("20 02"));
        assertThat(KITCHEN.encode("all", json("{\"delta\":-64}"))).isEqualTo(of("20 7f"));
        assertThat(KITCHEN.encode("all", json("{\"i\":-2}"))).isEqualTo(of("40 03"));
        assertThat(KITCHEN.encode("all", json("{\"f\":1.5}"))).isEqualTo(of("2d 00 00 c0 3f"));
        assertThat(KITCHEN.encode("all", json("{\"d\":1.5}"))).isEqualTo(of("31 00 00 00 00 00 00 f8 3f"));
        assertThat(KITCHEN.encode("all", json("{\"at\":{\"x\":-1,\"y\":2}}"))).isEqualTo(of("3a 04 08 01 10 04"));
    }

    @Test
    void roundTrip() {
        JsonNode body = json("""
                {"nums":[1,2,300,4294967295],"names":["a","","ü"],"items":[{"n":1},{"n":2,"label":"x"}],
                 "delta":-123456,"f":0.25,"d":-2.5e100,"at":{"x":-7,"y":7},"i":2147483647}""");
        assertThat(KITCHEN.decode("all", KITCHEN.encode("all", body))).hasToString(body.toString());
    }

    @Test
    void missingRequiredFieldsAndBadValuesFailTheEncoding() {
        assertThatThrownBy(() -> ChatProtocol.PROTOS.server().encode("onChat", json("{\"msg\":\"hi\",\"from\":\"a\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> KITCHEN.encode("all", json("{\"items\":[{\"label\":\"x\"}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n");
        assertThatThrownBy(() -> KITCHEN.encode("all", json("{\"at\":{\"x\":1,\"y\":null}}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KITCHEN.encode("all", json("{\"nums\":[-1]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KITCHEN.encode("all", json("{\"names\":\"a\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KITCHEN.encode("nope", json("{}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyMessageEncodesToNothing() {
        assertThat(ChatProtocol.PROTOS.server().encode("chat.chatHandler.send", json("{\"code\":500}"))).isEmpty();
        assertThat(ChatProtocol.PROTOS.server().decode("chat.chatHandler.send", new byte[0])).isEqualTo(json("{}"));
    }

    @Test
    void malformedBytesAreProtocolErrors() {
        assertThatThrownBy(() -> KITCHEN.decode("all", of("78 01"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown protobuf tag 15");
        assertThatThrownBy(() -> KITCHEN.decode("all", of("12 05 61"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> KITCHEN.decode("all", of("08 7f 01"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> KITCHEN.decode("all", of("2d 00 00"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> KITCHEN.decode("all", of("12 02 c3 28"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> KITCHEN.decode("all", of("1a 05 08 01"))).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> KITCHEN.decode("all", of("1a 02 08 ff"))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void parsedFormAsSentInTheHandshake() {
        assertThat(ChatProtocol.PROTOS.client().toParsedJson()).isEqualTo(json("""
                {"chat.chatHandler.send":{"content":{"option":"required","type":"string","tag":1},
                  "target":{"option":"required","type":"string","tag":2},"__messages":{},
                  "__tags":{"1":"content","2":"target"}}}"""));
        JsonNode parsed = KITCHEN.toParsedJson();
        assertThat(parsed.path("all").path("__messages").path("Item").path("n").path("tag").asInt()).isEqualTo(1);
        assertThat(parsed.path("message Point").path("__tags").path("2").asString()).isEqualTo("y");
        assertThat(parsed.path("bad").propertyNames()).containsExactly("a", "__messages", "__tags");
        ProtoSchemas back = ProtoSchemas.fromParsed(parsed);
        assertThat(back.toParsedJson()).isEqualTo(parsed);
        JsonNode body = json("{\"items\":[{\"n\":3}],\"at\":{\"x\":1,\"y\":-1}}");
        assertThat(back.encode("all", body)).isEqualTo(KITCHEN.encode("all", body));
    }
}
