package io.troupe.examples.pinuschat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code troupe start} in the embedded default (every server in the master's JVM), {@code list}, {@code stop}. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedModeTest {

    @Test
    void startListChatStop(@TempDir Path dir) throws Exception {
        ChatAppDir app = ChatAppDir.write(dir, "development", Set.of());
        Cli cli = new Cli(app, UUID.randomUUID().toString());
        Cli.Started started = cli.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> started.output().contains("started") || started.code().isDone());
            assertThat(started.output()).contains("in this JVM").contains("connector-server-1").contains("chat-server-1").contains("gate-server-1")
                    .contains(Integer.toString(app.gatePort()));

            Cli.Result list = cli.run("list");
            assertThat(list.code()).as(list.err()).isZero();
            List<ListedServer> servers = ListedServer.parse(list.out());
            assertThat(servers).extracting(ListedServer::id).containsExactly("connector-server-1", "chat-server-1", "gate-server-1");
            long self = ProcessHandle.current().pid();
            assertThat(servers).allSatisfy(server -> {
                assertThat(server.pid()).hasValue(self);
                assertThat(server.state()).isEqualTo("up");
                assertThat(server.heap()).endsWith("M");
            });

            try (ChatUser alice = ChatUser.login("alice", app.gatePort())) {
                assertThat(alice.enter("r1").path("users").toString()).contains("alice");
                assertThat(ListedServer.find(ListedServer.parse(cli.run("list").out()), "connector-server-1").connections()).isEqualTo("1");
            }

            Cli.Result stop = cli.run("stop");
            assertThat(stop.code()).as(stop.err()).isZero();
            assertThat(stop.out()).contains("stopped");
            assertThat(started.code().get(30, TimeUnit.SECONDS)).isZero();
            assertThat(started.output()).endsWith("troupe: stopped\n");
            // the client and master ports are free again
            for (int port : new int[]{app.gatePort(), app.masterPort()}) {
                try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    assertThat(free.getLocalPort()).isEqualTo(port);
                }
            }
            Cli.Result none = cli.run("list");
            assertThat(none.code()).isEqualTo(1);
            assertThat(none.err()).contains("no app is running");
        } finally {
            if (!started.code().isDone()) cli.run("stop");
        }
    }

    @Test
    void aMissingAppDirectoryIsAUsageError(@TempDir Path dir) {
        Cli cli = new Cli(new ChatAppDir(dir.resolve("nothing-here"), "development", 0, 0), "x");
        Cli.Result start = cli.run("start");
        assertThat(start.code()).isEqualTo(2);
        assertThat(start.err()).contains("no app directory").contains("app.properties");
    }
}
