package io.troupe.examples.pinuschat;

import io.troupe.examples.pinuschat.ChatFixture.User;
import io.troupe.server.client.PomeloClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance checklist of the pinus chat demo (reference §4.6), in both environments, over WebSocket and TCP. */
class ChatClusterTest {

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"development, WEBSOCKET", "development, TCP", "production, WEBSOCKET", "production, TCP"})
    void theDemosChecklist(String environment, PomeloClient.Transport transport, @TempDir Path dir) {
        try (ChatFixture chat = new ChatFixture(environment, transport, dir)) {
            checklist(chat);
        }
    }

    /** The checklist of reference §4.6 against the cluster behind {@code chat}'s gate. */
    static void checklist(ChatFixture chat) {
        PomeloClient.Transport transport = chat.transport;
        try (User alice = chat.user("alice"); User bob = chat.user("bob"); User carol = chat.user("carol"); User dave = chat.user("dave")) {
            // the connector's handshake: heartbeat 3, the dictionary has onChat, protos for the chat routes
            var handshake = alice.client.handshake();
            assertThat(handshake.toString()).contains("heartbeat").contains("onChat");

            assertThat(alice.users(alice.enter("r1"))).containsExactly("alice");
            assertThat(bob.users(bob.enter("r1"))).containsExactly("alice", "bob");
            assertThat(alice.next()).isEqualTo(Map.entry("onAdd", json("{\"user\":\"bob\"}")));
            assertThat(carol.users(carol.enter("r1"))).containsExactly("alice", "bob", "carol");
            assertThat(alice.next()).isEqualTo(Map.entry("onAdd", json("{\"user\":\"carol\"}")));
            assertThat(bob.next()).isEqualTo(Map.entry("onAdd", json("{\"user\":\"carol\"}"))); // bob never heard of himself
            assertThat(dave.users(dave.enter("r2"))).containsExactly("dave");

            // a second "bob" in r1 (the gate sends the name to the same connector) is refused
            try (User bob2 = chat.user("bob")) {
                assertThat(bob2.connectorPort).isEqualTo(bob.connectorPort);
                assertThat(bob2.enter("r1")).isEqualTo(json("{\"code\":500,\"error\":true}"));
            }
            // queryEntry without uid
            PomeloClient gate = PomeloClient.connect("127.0.0.1", chat.gatePort, transport);
            assertThat(ChatFixture.get(gate.request("gate.gateHandler.queryEntry", json("{}")))).isEqualTo(json("{\"code\":500}"));
            gate.close();

            // public message: everyone in the room, the sender included; the response is {}
            assertThat(alice.send("r1", "hello all", "*")).isEqualTo(json("{}"));
            JsonNode hello = json("{\"msg\":\"hello all\",\"from\":\"alice\",\"target\":\"*\"}");
            for (User user : new User[]{alice, bob, carol}) assertThat(user.next()).isEqualTo(Map.entry("onChat", hello));

            // private message: only the target
            alice.send("r1", "psst bob", "bob");
            assertThat(bob.next()).isEqualTo(Map.entry("onChat", json("{\"msg\":\"psst bob\",\"from\":\"alice\",\"target\":\"bob\"}")));
            carol.send("r1", "after", "*");
            JsonNode after = json("{\"msg\":\"after\",\"from\":\"carol\",\"target\":\"*\"}");
            assertThat(alice.next()).isEqualTo(Map.entry("onChat", after)); // alice got no copy of the private one
            assertThat(carol.next()).isEqualTo(Map.entry("onChat", after));
            assertThat(bob.next()).isEqualTo(Map.entry("onChat", after));

            // another room stays separate
            dave.send("r2", "only r2", "*");
            assertThat(dave.next()).isEqualTo(Map.entry("onChat", json("{\"msg\":\"only r2\",\"from\":\"dave\",\"target\":\"*\"}")));

            // a private message to someone not in the room gets an error, not a crash
            assertThat(alice.send("r1", "hi", "nobody")).isNotNull();

            // leaving: the others are told
            carol.close();
            assertThat(alice.next()).isEqualTo(Map.entry("onLeave", json("{\"user\":\"carol\"}")));
            assertThat(bob.next()).isEqualTo(Map.entry("onLeave", json("{\"user\":\"carol\"}")));
            assertThat(alice.pushes).isEmpty();
            assertThat(dave.pushes).isEmpty();
        }
    }

    static JsonNode json(String text) {
        return ChatFixture.JSON.readTree(text);
    }
}
