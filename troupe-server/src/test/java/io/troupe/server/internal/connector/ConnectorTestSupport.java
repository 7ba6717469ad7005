package io.troupe.server.internal.connector;

import io.troupe.server.client.PomeloClient;
import io.troupe.server.protocol.MessageCodec;
import io.troupe.server.protocol.Protos;
import io.troupe.server.protocol.RouteDictionary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/** Starts connectors on ephemeral loopback ports and closes them and their clients after each test. */
abstract class ConnectorTestSupport {
    static final MessageCodec CHAT = new MessageCodec(
            RouteDictionary.build(List.of("chat.chatHandler.send", "connector.entryHandler.enter",
                    "connector.entryHandler.onUserLeave", "gate.gateHandler.queryEntry"), List.of("onChat")),
            Protos.parse(RecordingHandler.obj("{\"onChat\":{\"required string msg\":1,\"required string from\":2,"
                            + "\"required string target\":3},\"chat.chatHandler.send\":{}}"),
                    RecordingHandler.obj("{\"chat.chatHandler.send\":{\"required string content\":1,"
                            + "\"required string target\":2}}")));

    final RecordingHandler handler = new RecordingHandler();
    final List<AutoCloseable> resources = new ArrayList<>();
    HybridConnector connector;

    HybridConnector start(UnaryOperator<ConnectorConfig.Builder> settings) {
        ConnectorConfig.Builder b = ConnectorConfig.builder().host("127.0.0.1").port(0).ioThreads(2)
                .heartbeat(Duration.ofSeconds(1)).codec(CHAT);
        connector = HybridConnector.start(settings.apply(b).build(), handler);
        return connector;
    }

    PomeloClient client(PomeloClient.Transport transport) {
        return track(PomeloClient.connect("127.0.0.1", connector.port(), transport));
    }

    <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        if (connector != null) {
            connector.close();
        }
    }
}
