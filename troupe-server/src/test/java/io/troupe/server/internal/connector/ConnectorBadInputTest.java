package io.troupe.server.internal.connector;

import static io.troupe.server.internal.connector.RecordingHandler.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.troupe.server.client.PomeloClient;
import io.troupe.server.client.PomeloClient.Transport;
import io.troupe.server.protocol.Message;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bad input closes only its own connection; a well-behaved client keeps being served. */
class ConnectorBadInputTest extends ConnectorTestSupport {
    private PomeloClient good;

    @BeforeEach
    void startWithAGoodClient() {
        start(b -> b.maxPackageSize(1024).heartbeat(Duration.ZERO));
        good = client(Transport.WEBSOCKET);
    }

    private void goodClientStillServed() throws Exception {
        assertThat(good.request("test.echo.call", obj("{\"ok\":1}")).get(5, TimeUnit.SECONDS))
                .isEqualTo(obj("{\"ok\":1}"));
        assertThat(good.isOpen()).isTrue();
    }

    private static byte[] data(Message m) {
        return m.encodePackage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-type", "type-zero", "oversized", "bad-json", "bad-protobuf", "unknown-route-code",
            "push-from-client", "kick-from-client", "truncated-message"})
    void badPackagesAfterTheHandshakeOverTcp(String kind) throws Exception {
        byte[] bad = switch (kind) {
            case "unknown-type" -> new byte[] {9, 0, 0, 0};
            case "type-zero" -> new byte[] {0, 0, 0, 0};
            case "oversized" -> new byte[] {4, 0, 4, 1};
            case "bad-json" -> data(Message.request(1, "test.echo.call", "{nope".getBytes(StandardCharsets.UTF_8)));
            case "bad-protobuf" -> data(Message.request(1, 1, new byte[] {0x0a, 0x09, 0x68}));
            case "unknown-route-code" -> data(Message.notify(999, "{}".getBytes(StandardCharsets.UTF_8)));
            case "push-from-client" -> data(Message.push("x", "{}".getBytes(StandardCharsets.UTF_8)));
            case "kick-from-client" -> Package.encode(PackageType.KICK, "{}".getBytes(StandardCharsets.UTF_8));
            case "truncated-message" -> Package.encode(PackageType.DATA, new byte[] {0, (byte) 0x80});
            default -> throw new IllegalArgumentException(kind);
        };
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.handshake();
            raw.send(Package.of(PackageType.HANDSHAKE_ACK).encode());
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.links.size() == 2);
            raw.send(bad);
            assertThat(raw.closedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.closed.size() == 1);
        assertThat(handler.closed.values().iterator().next()).startsWith("protocol error: ");
        goodClientStillServed();
    }

    @Test
    void dataBeforeTheHandshakeOverTcp() throws Exception {
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.send(data(Message.notify("test.echo.call", "{}".getBytes(StandardCharsets.UTF_8))));
            assertThat(raw.closedByServer()).isTrue();
        }
        goodClientStillServed();
    }

    @Test
    void badHandshakeJsonOverTcp() throws Exception {
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.send(Package.encode(PackageType.HANDSHAKE, "{\"sys\":".getBytes(StandardCharsets.UTF_8)));
            assertThat(raw.closedByServer()).isTrue();
        }
        goodClientStillServed();
    }

    @Test
    void handshakeWithoutSysGets500() throws Exception {
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.send(Package.encode(PackageType.HANDSHAKE, "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(raw.read().body()).asString(StandardCharsets.UTF_8).isEqualTo("{\"code\":500}");
            assertThat(raw.closedByServer()).isTrue();
        }
        goodClientStillServed();
    }

    @Test
    void garbageThatLooksLikeHttpOverTheTcpPort() throws Exception {
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(raw.closedByServer()).isTrue();
        }
        goodClientStillServed();
    }

    @Test
    void badWebSocketMessages() throws Exception {
        try (RawWebSocket text = new RawWebSocket(connector.port(), "/any/path")) {
            text.ws.sendText("{\"sys\":{}}", true).join();
            assertThat(text.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        try (RawWebSocket oversized = new RawWebSocket(connector.port(), "/")) {
            oversized.sendBinary(Package.encode(PackageType.HANDSHAKE, new byte[2000]));
            assertThat(oversized.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        try (RawWebSocket unknownType = new RawWebSocket(connector.port(), "/")) {
            unknownType.sendBinary(new byte[] {7, 0, 0, 0});
            assertThat(unknownType.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        try (RawWebSocket truncated = new RawWebSocket(connector.port(), "/")) {
            truncated.sendBinary(new byte[] {1, 0, 0, 9, '{'});
            assertThat(truncated.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        goodClientStillServed();
        await().atMost(Duration.ofSeconds(5)).until(() -> connector.connections() == 1);
    }

    @Test
    void jdkWebSocketClientSpeaksPomeloAndGetsBatchedPackages() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(connector.port(), "/some/path?x=1")) {
            ws.sendBinary(Package.encode(PackageType.HANDSHAKE,
                    "{\"sys\":{\"type\":\"jdk\",\"version\":\"1\"}}".getBytes(StandardCharsets.UTF_8)));
            assertThat(Package.decodeAll(ws.next(), 1 << 20).get(0).type()).isEqualTo(PackageType.HANDSHAKE);
            // ack and a notify in one WebSocket message
            byte[] ack = Package.of(PackageType.HANDSHAKE_ACK).encode();
            byte[] notify = data(Message.notify("a.b.c", "{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
            byte[] both = new byte[ack.length + notify.length];
            System.arraycopy(ack, 0, both, 0, ack.length);
            System.arraycopy(notify, 0, both, ack.length, notify.length);
            ws.sendBinary(both);
            assertThat(handler.notifies.poll(5, TimeUnit.SECONDS)).isEqualTo("a.b.c {\"n\":1}");
            ClientLink link = handler.links.values().stream().filter(l -> l.transport().equals("ws")
                    && l.remoteAddress().getPort() != good.localPort()).findFirst().orElseThrow();
            // pushes written in one go may share a WebSocket message: every package arrives, in order
            for (int i = 0; i < 20; i++) {
                link.push("onN", obj("{\"i\":" + i + "}"));
            }
            int received = 0;
            for (int round = 0; round < 20 && received < 20; round++) {
                for (Package p : Package.decodeAll(ws.next(), 1 << 20)) {
                    Message m = Message.decode(p.body());
                    assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("{\"i\":" + received + "}");
                    received++;
                }
            }
            assertThat(received).isEqualTo(20);
        }
    }
}
