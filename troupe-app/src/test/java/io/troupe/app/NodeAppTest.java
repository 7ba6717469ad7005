package io.troupe.app;

import io.troupe.Name;
import io.troupe.Troupe;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.spi.Discovery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An app started as a node: its registered processes answer other nodes. */
class NodeAppTest {
    static final String YAML = """
            namespace: test
            entries:
              - { name: echo, kind: process, class: io.troupe.app.TestEntries, method: registeredEcho }
              - name: echo-service
                kind: process.service
                process: test:echo
                lifecycle: { auto_start: true }
            """;

    @Test
    void processesOfTheAppAnswerAnotherNode() throws Exception {
        Discovery discovery = Discovery.inMemory();
        String suffix = Long.toString(System.nanoTime(), 36);
        NodeOptions appNode = NodeOptions.named("app" + suffix + "@localhost").withCookie("c").withDiscovery(discovery);
        try (TroupeApp app = TroupeApp.start(AppDescriptor.parse(YAML, "node.yaml", List.of()), appNode);
             Node client = Node.start(NodeOptions.named("client" + suffix + "@localhost").withCookie("c").withDiscovery(discovery))) {
            assertThat(app.runtime().node()).isEqualTo("app" + suffix + "@localhost");
            await().atMost(Duration.ofSeconds(10)).until(() -> app.runtime().whereis("echo").isPresent());
            Object answer = client.runtime().call(() -> {
                Troupe.send(Name.of("echo", app.runtime().node()), Troupe.self());
                return Troupe.receive(String.class, Duration.ofSeconds(10));
            });
            assertThat(answer).isEqualTo("echo from " + app.runtime().node());
        }
    }
}
