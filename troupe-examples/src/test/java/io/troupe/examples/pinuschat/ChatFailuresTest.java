package io.troupe.examples.pinuschat;

import io.troupe.examples.pinuschat.ChatFixture.User;
import io.troupe.server.RouteFunction;
import io.troupe.server.ServerInfo;
import io.troupe.server.client.PomeloClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.troupe.examples.pinuschat.ChatClusterTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What goes wrong: a chat server dies, a client goes silent, bad routes and bodies, a thousand clients at once. */
class ChatFailuresTest {

    @Test
    void aKilledChatServerIsReportedAsAnErrorAndOtherRoomsKeepChatting(@TempDir Path dir) {
        try (ChatFixture chat = new ChatFixture("production", PomeloClient.Transport.WEBSOCKET, dir);
             User alice = chat.user("alice"); User carol = chat.user("carol"); User dave = chat.user("dave")) {
            List<ServerInfo> chats = chat.cluster.servers().getFirst().server().servers("chat");
            assertThat(chats).hasSize(3);
            String doomed = RouteFunction.stableByKey("r1", chats).id();
            String other = null;
            for (int i = 2; i < 100 && other == null; i++) {
                if (!RouteFunction.stableByKey("r" + i, chats).id().equals(doomed)) other = "r" + i;
            }
            assertThat(alice.users(alice.enter("r1"))).containsExactly("alice");
            carol.enter(other);
            dave.enter(other);
            assertThat(carol.next().getKey()).isEqualTo("onAdd");

            chat.cluster.server(doomed).orElseThrow().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> chat.cluster.servers().getFirst().server().servers("chat").size() == 2);

            JsonNode failed = alice.send("r1", "anyone?", "*");
            assertThat(failed.path("code").asInt()).isEqualTo(500);
            assertThat(failed.path("message").asString()).isNotEmpty();

            assertThat(carol.send(other, "still here", "*")).isEqualTo(json("{}"));
            assertThat(dave.next()).isEqualTo(Map.entry("onChat", json("{\"msg\":\"still here\",\"from\":\"carol\",\"target\":\"*\"}")));
        }
    }

    @Test
    void aSilentClientIsDroppedAfterTwiceTheHeartbeatAndTheRoomIsTold(@TempDir Path dir) throws Exception {
        try (ChatFixture chat = new ChatFixture("development", PomeloClient.Transport.TCP, dir); User alice = chat.user("alice")) {
            alice.enter("r1");
            int port = alice.connectorPort;
            PomeloClient silent = PomeloClient.connect(PomeloClient.Options.of("127.0.0.1", port, PomeloClient.Transport.TCP).withHeartbeats(false));
            User ghost = new User("ghost", silent, port);
            ghost.enter("r1");
            assertThat(alice.next()).isEqualTo(Map.entry("onAdd", json("{\"user\":\"ghost\"}")));
            long start = System.nanoTime();
            String reason = silent.closeFuture().get(20, TimeUnit.SECONDS);
            Duration after = Duration.ofNanos(System.nanoTime() - start);
            assertThat(reason).isNotEmpty();
            assertThat(after).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12)); // heartbeat 3 s: dropped after about 6 s
            assertThat(alice.next()).isEqualTo(Map.entry("onLeave", json("{\"user\":\"ghost\"}")));
            assertThat(alice.client.isOpen()).isTrue(); // alice heartbeats, so she stays
        }
    }

    @Test
    void badRoutesAndBodiesGetErrorResponsesAndTheConnectionStays(@TempDir Path dir) {
        try (ChatFixture chat = new ChatFixture("development", PomeloClient.Transport.WEBSOCKET, dir); User alice = chat.user("alice")) {
            JsonNode unknown = ChatFixture.get(alice.client.request("connector.entryHandler.nothing", json("{}")));
            assertThat(unknown.path("code").asInt()).isEqualTo(500);
            assertThat(unknown.path("message").asString()).contains("no handler");
            JsonNode noType = ChatFixture.get(alice.client.request("auction.bidHandler.bid", json("{}")));
            assertThat(noType.path("message").asString()).contains("no server of type 'auction'");
            JsonNode malformed = ChatFixture.get(alice.client.request("nonsense", json("{}")));
            assertThat(malformed.path("code").asInt()).isEqualTo(500);
            JsonNode badBody = ChatFixture.get(alice.client.request("connector.entryHandler.enter", json("{\"username\":{\"x\":1},\"rid\":\"r1\"}")));
            assertThat(badBody.path("code").asInt()).isEqualTo(500);
            JsonNode backendUnknown = ChatFixture.get(alice.client.request("chat.chatHandler.nothing", json("{}")));
            assertThat(backendUnknown.path("code").asInt()).isEqualTo(500);
            assertThat(alice.users(alice.enter("r1"))).containsExactly("alice"); // still served
        }
    }

    @Test
    void aThousandClientsConnectingAtOnceAreAllServed(@TempDir Path dir) throws Exception {
        try (ChatFixture chat = new ChatFixture("development", PomeloClient.Transport.TCP, dir); User alice = chat.user("alice")) {
            int port = alice.connectorPort;
            List<CompletableFuture<PomeloClient>> connecting = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                connecting.add(PomeloClient.connectAsync(PomeloClient.Options.of("127.0.0.1", port, PomeloClient.Transport.TCP)));
            }
            List<PomeloClient> clients = new ArrayList<>();
            try {
                for (CompletableFuture<PomeloClient> c : connecting) clients.add(c.get(60, TimeUnit.SECONDS));
                List<CompletableFuture<JsonNode>> entered = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    entered.add(clients.get(i).request("connector.entryHandler.enter", ChatFixture.JSON.valueToTree(Map.of("username", "u" + i, "rid", "room" + i))));
                }
                for (int i = 0; i < entered.size(); i++) {
                    assertThat(entered.get(i).get(60, TimeUnit.SECONDS).path("users").get(0).asString()).isEqualTo("u" + i);
                }
                assertThat(chat.cluster.server("connector-server-1").orElseThrow().server().sessions().count()).isGreaterThanOrEqualTo(1001);
                // and the first user still chats
                alice.enter("lobby");
                alice.send("lobby", "hi", "*");
                assertThat(alice.next()).isEqualTo(Map.entry("onChat", json("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}")));
            } finally {
                for (PomeloClient client : clients) client.close();
            }
        }
    }
}
