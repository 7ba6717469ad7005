package io.troupe.server.internal.connector;

import static io.troupe.server.internal.connector.RecordingHandler.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.troupe.server.client.PomeloClient;
import io.troupe.server.client.PomeloClient.Options;
import io.troupe.server.client.PomeloClient.Transport;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectorLoadTest extends ConnectorTestSupport {

    @Test
    void oneEncodedFrameIsPushedToManyLinks() throws Exception {
        start(b -> b);
        List<PomeloClient> clients = new ArrayList<>();
        AtomicInteger received = new AtomicInteger();
        for (int i = 0; i < 60; i++) {
            PomeloClient c = client(i % 2 == 0 ? Transport.WEBSOCKET : Transport.TCP);
            c.on("onChat", body -> {
                if (body.equals(obj("{\"msg\":\"all\",\"from\":\"x\",\"target\":\"*\"}"))) {
                    received.incrementAndGet();
                }
            });
            clients.add(c);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.links.size() == 60);
        EncodedFrame frame = EncodedFrame.push(connector.config(), "onChat",
                obj("{\"msg\":\"all\",\"from\":\"x\",\"target\":\"*\"}"));
        try (frame) {
            assertThat(frame.size()).isEqualTo(4 + 1 + 2 + 11);
            handler.links.values().parallelStream().forEach(l -> l.write(frame));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> received.get() == 60);
        await().atMost(Duration.ofSeconds(2)).until(() -> frame.refCnt() == 0);
    }

    @Test
    void writeAllDeliversEveryFrameToEveryLinkInOrderAfterWhatWasQueued() throws Exception {
        start(b -> b);
        List<List<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PomeloClient c = client(i % 2 == 0 ? Transport.WEBSOCKET : Transport.TCP);
            List<Integer> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            c.on("onSeq", body -> mine.add(body.path("n").asInt()));
            seen.add(mine);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.links.size() == 40);
        List<ClientLink> links = List.copyOf(handler.links.values());
        for (ClientLink link : links) link.push("onSeq", obj("{\"n\":0}")); // queued, not yet written
        for (int n = 1; n <= 200; n++) { // a burst: frames share writes per link
            try (EncodedFrame frame = EncodedFrame.push(connector.config(), "onSeq", obj("{\"n\":" + n + "}"))) {
                connector.writeAll(frame, links);
            }
        }
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(0, 200).boxed().toList();
        for (List<Integer> mine : seen) {
            await().atMost(Duration.ofSeconds(10)).until(() -> mine.size() == expected.size());
            assertThat(mine).isEqualTo(expected);
        }
    }

    @Test
    void aThousandClientsConnectingAtOnceAreAllServed() throws Exception {
        start(b -> b.heartbeat(Duration.ofSeconds(5)));
        List<CompletableFuture<PomeloClient>> connecting = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            connecting.add(PomeloClient.connectAsync(Options.of("127.0.0.1", connector.port(),
                    i % 2 == 0 ? Transport.WEBSOCKET : Transport.TCP).withTimeout(Duration.ofSeconds(20))));
        }
        List<PomeloClient> clients = new ArrayList<>();
        for (CompletableFuture<PomeloClient> f : connecting) {
            clients.add(track(f.get(30, TimeUnit.SECONDS)));
        }
        List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            answers.add(clients.get(i).request("test.echo.call", obj("{\"i\":" + i + "}")));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(obj("{\"i\":" + i + "}"));
        }
        assertThat(handler.links).hasSize(1000);
        assertThat(connector.connections()).isEqualTo(1000);
        clients.forEach(PomeloClient::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.connections() == 0);
        assertThat(handler.closed).hasSize(1000);
    }

    @Test
    void aClientThatStopsReadingIsCutAsASlowConsumer() throws Exception {
        start(b -> b.heartbeat(Duration.ZERO).maxOutboundBytes(256 * 1024));
        PomeloClient good = client(Transport.TCP);
        try (RawTcpClient raw = new RawTcpClient(connector.port())) {
            raw.socket.setReceiveBufferSize(4096);
            raw.handshake();
            raw.send(Package.of(PackageType.HANDSHAKE_ACK).encode());
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.links.size() == 2);
            ClientLink slow = handler.links.values().stream()
                    .filter(l -> l.remoteAddress().getPort() == raw.socket.getLocalPort()).findFirst().orElseThrow();
            JsonNode big = obj("{\"blob\":\"" + "x".repeat(8000) + "\"}");
            for (int i = 0; i < 20_000 && slow.isActive(); i++) {
                slow.push("onBlob", big);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> "slow consumer".equals(handler.closed.get(slow.id())));
        }
        assertThat(good.request("test.echo.call", obj("{\"ok\":true}")).get(5, TimeUnit.SECONDS))
                .isEqualTo(obj("{\"ok\":true}"));
    }
}
