package io.troupe.examples.pinuschat.cli;

import io.troupe.server.client.PomeloClient;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo's checklist with one JVM per server ({@code troupe start --jvm-per-server}), in both environments (the embedded mode: ChatClusterTest). */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ChecklistJvmPerServerTest {

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"development, WEBSOCKET", "production, TCP"})
    void theChecklistHoldsWithOneJvmPerServer(String environment, PomeloClient.Transport transport, @TempDir Path dir) throws Exception {
        ChatAppDir app = ChatAppDir.write(dir, environment, Set.of());
        Cli cli = new Cli(app, UUID.randomUUID().toString());
        Cli.Started started = cli.start("--jvm-per-server", "--jvm-option", "-Xmx96m", "--jvm-option", "-XX:TieredStopAtLevel=1");
        try {
            await().atMost(JvmPerServerTest.SLOW).until(() -> started.output().contains("started") || started.code().isDone());
            assertThat(started.output()).as(started.err().toString()).contains("one JVM per server");
            int expected = environment.equals("production") ? 7 : 3;
            await().atMost(JvmPerServerTest.SLOW).until(() -> {
                Cli.Result list = cli.run("list");
                return list.code() == 0 && ListedServer.parse(list.out()).stream().filter(s -> s.state().equals("up")).count() == expected;
            });
            io.troupe.examples.pinuschat.ChatChecklist.run(app.gatePort(), transport);
        } finally {
            cli.run("stop");
            started.code().get(60, TimeUnit.SECONDS);
        }
    }
}
