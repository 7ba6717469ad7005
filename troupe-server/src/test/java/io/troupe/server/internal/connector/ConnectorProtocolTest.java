package io.troupe.server.internal.connector;

import static io.troupe.server.internal.connector.RecordingHandler.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.troupe.server.client.PomeloClient;
import io.troupe.server.client.PomeloClient.Transport;
import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.Message;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectorProtocolTest extends ConnectorTestSupport {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void handshakeRequestResponsePushAndNotify(Transport transport) throws Exception {
        start(b -> b);
        PomeloClient c = client(transport);
        assertThat(c.handshake().heartbeatSeconds()).isEqualTo(1);
        assertThat(c.handshake().useDict()).isTrue();
        assertThat(c.handshake().useProto()).isTrue();
        ClientLink link = handler.connected.poll(5, TimeUnit.SECONDS);
        assertThat(link.transport()).isEqualTo(transport == Transport.TCP ? "tcp" : "ws");
        assertThat(link.isActive()).isTrue();

        // protobuf + compressed route both ways; the response body follows serverProtos["chat.chatHandler.send"] = {}
        assertThat(c.request("chat.chatHandler.send", obj("{\"content\":\"hi\",\"target\":\"*\"}"))
                .get(5, TimeUnit.SECONDS)).isEqualTo(obj("{}"));
        assertThat(c.request("test.echo.call", obj("{\"uid\":\"alice\",\"n\":[1,2]}")).get(5, TimeUnit.SECONDS))
                .isEqualTo(obj("{\"uid\":\"alice\",\"n\":[1,2]}"));

        CopyOnWriteArrayList<JsonNode> chats = new CopyOnWriteArrayList<>();
        c.on("onChat", chats::add);
        link.push("onChat", obj("{\"msg\":\"hello\",\"from\":\"bob\",\"target\":\"*\"}"));
        c.request("test.push.me", obj("{\"x\":1}")).get(5, TimeUnit.SECONDS);
        CopyOnWriteArrayList<String> pushes = new CopyOnWriteArrayList<>();
        c.onPush((route, body) -> pushes.add(route + " " + body));
        c.request("test.push.me", obj("{\"x\":2}")).get(5, TimeUnit.SECONDS);
        assertThat(pushes).containsExactly("onPush {\"x\":2}");
        assertThat(chats).containsExactly(obj("{\"msg\":\"hello\",\"from\":\"bob\",\"target\":\"*\"}"));

        c.notify("connector.entryHandler.onUserLeave", obj("{\"bye\":true}"));
        assertThat(handler.notifies.poll(5, TimeUnit.SECONDS))
                .isEqualTo("connector.entryHandler.onUserLeave {\"bye\":true}");

        c.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.closed.containsKey(link.id()));
        assertThat(handler.closed.get(link.id())).isEqualTo("client closed");
        assertThat(link.isActive()).isFalse();
    }

    @Test
    void rawTcpHandshakeAckHeartbeatEchoAndBytes() throws Exception {
        start(b -> b);
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            HandshakeResponse reply = raw.handshake();
            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.dict().code("onChat")).isEqualTo(5);
            raw.send(Package.of(PackageType.HANDSHAKE_ACK).encode());
            assertThat(raw.read().encode()).isEqualTo(new byte[] {3, 0, 0, 0});
            ClientLink link = handler.connected.poll(5, TimeUnit.SECONDS);
            raw.send(new byte[] {3, 0, 0, 0});
            assertThat(raw.read().encode()).isEqualTo(new byte[] {3, 0, 0, 0});

            link.push("onChat", obj("{\"msg\":\"hi\",\"from\":\"alice\",\"target\":\"*\"}"));
            assertThat(raw.read().encode()).isEqualTo(new byte[] {4, 0, 0, 0x11, 7, 0, 5, 0x0a, 2, 0x68, 0x69, 0x12, 5,
                    0x61, 0x6c, 0x69, 0x63, 0x65, 0x1a, 1, 0x2a});

            raw.send(Message.request(1, "gate.gateHandler.queryEntry",
                    "{\"uid\":\"alice\"}".getBytes(StandardCharsets.UTF_8)).encodePackage());
            Package response = raw.read();
            assertThat(response.type()).isEqualTo(PackageType.DATA);
            assertThat(response.body()).isEqualTo(new byte[] {4, 1, '{', '}'});
        }
    }

    @Test
    void silentClientIsDroppedAfterTwiceTheHeartbeatWhileAHeartbeatingOneStays() throws Exception {
        start(b -> b);
        PomeloClient alive = client(Transport.WEBSOCKET);
        PomeloClient silent = track(PomeloClient.connect(PomeloClient.Options.of("127.0.0.1", connector.port(),
                Transport.TCP).withHeartbeats(false)));
        long t0 = System.nanoTime();
        assertThat(silent.closeFuture().get(5, TimeUnit.SECONDS)).isEqualTo("server closed");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMs).isBetween(1500L, 4000L);
        await().atMost(Duration.ofSeconds(2)).until(() -> handler.closed.containsValue("heartbeat timeout"));
        assertThat(alive.isOpen()).isTrue();
        assertThat(alive.heartbeatsReceived()).isGreaterThanOrEqualTo(2);
        assertThat(alive.request("test.echo.call", obj("{\"still\":\"here\"}")).get(5, TimeUnit.SECONDS))
                .isEqualTo(obj("{\"still\":\"here\"}"));
    }

    @Test
    void handshakeWithoutAckAndConnectionsWithoutHandshakeAreClosed() throws Exception {
        start(b -> b.handshakeTimeout(Duration.ofMillis(500)));
        try (RawTcpClient noAck = new RawTcpClient(connector.port());
                RawTcpClient mute = new RawTcpClient(connector.port())) {
            assertThat(noAck.handshake().code()).isEqualTo(200);
            assertThat(noAck.closedByServer()).isTrue();
            assertThat(mute.closedByServer()).isTrue();
        }
        assertThat(handler.connected).isEmpty();
        assertThat(handler.closed).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> connector.connections() == 0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void kickSendsTheReasonThenCloses(Transport transport) throws Exception {
        start(b -> b);
        PomeloClient c = client(transport);
        ClientLink link = handler.connected.poll(5, TimeUnit.SECONDS);
        link.kick("bye");
        assertThat(c.closeFuture().get(5, TimeUnit.SECONDS)).isEqualTo("kick: bye");
        assertThat(c.kickReason()).isEqualTo("bye");
        await().atMost(Duration.ofSeconds(5)).until(() -> "kick: bye".equals(handler.closed.get(link.id())));
    }

    @Test
    void kickOnTheWireAfterQueuedPushes() throws Exception {
        start(b -> b.heartbeat(Duration.ZERO));
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.handshake();
            raw.send(Package.of(PackageType.HANDSHAKE_ACK).encode());
            ClientLink link = handler.connected.poll(5, TimeUnit.SECONDS);
            link.push("onAdd", obj("{\"user\":\"bob\"}"));
            link.kick("kick");
            assertThat(Message.decode(raw.read().body()).route()).isEqualTo("onAdd");
            assertThat(raw.read().encode()).isEqualTo(Package.encode(PackageType.KICK,
                    "{\"reason\":\"kick\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void refusedClientGets501() throws Exception {
        start(b -> b.checkClient((type, version) -> !"raw-tcp".equals(type)));
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            assertThat(raw.handshake().code()).isEqualTo(501);
            assertThat(raw.closedByServer()).isTrue();
        }
        PomeloClient ok = client(Transport.TCP);
        assertThat(ok.isOpen()).isTrue();
    }

    @Test
    void gracefulShutdownClosesEveryLink() throws Exception {
        start(b -> b);
        PomeloClient ws = client(Transport.WEBSOCKET);
        PomeloClient tcp = client(Transport.TCP);
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.links.size() == 2);
        connector.close();
        assertThat(ws.closeFuture().get(5, TimeUnit.SECONDS)).isEqualTo("server closed");
        assertThat(tcp.closeFuture().get(5, TimeUnit.SECONDS)).isEqualTo("server closed");
        assertThat(handler.closed.values()).containsOnly("server shutdown").hasSize(2);
    }
}
