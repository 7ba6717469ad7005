package io.troupe.examples.pinuschat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code troupe start --jvm-per-server}: the master (this JVM) launches a JVM per server; kill -9 of
 * a server with auto-restart brings it back with a new pid, known again to the other servers (the
 * chat works through it); {@code stop} ends every server JVM.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JvmPerServerTest {
    /** Server JVMs start slowly on a busy 2-core machine. */
    static final Duration SLOW = Duration.ofSeconds(120);

    @Test
    void killedServerComesBackAndStopEndsEveryJvm(@TempDir Path dir) throws Exception {
        ChatAppDir app = ChatAppDir.write(dir, "development", Set.of("chat-server-1"));
        Cli cli = new Cli(app, UUID.randomUUID().toString());
        Cli.Started started = cli.start("--jvm-per-server", "--jvm-option", "-Xmx128m");
        try {
            await().atMost(SLOW).until(() -> started.output().contains("started") || started.code().isDone());
            assertThat(started.output()).as(started.err().toString()).contains("one JVM per server");

            List<ListedServer> servers = awaitAllUp(cli);
            assertThat(servers).extracting(ListedServer::id).containsExactly("connector-server-1", "chat-server-1", "gate-server-1");
            long self = ProcessHandle.current().pid();
            assertThat(servers).allSatisfy(server -> assertThat(server.pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(self)));
            Map<String, Long> pids = new java.util.HashMap<>();
            servers.forEach(server -> pids.put(server.id(), server.pid().getAsLong()));
            assertThat(Files.readString(dir.resolve("logs/chat-server-1.log"))).contains("chat-server-1");

            try (ChatUser alice = ChatUser.login("alice", app.gatePort())) {
                assertThat(alice.enter("r1").path("users").toString()).contains("alice");
            }

            // kill -9 the chat server: auto-restart brings it back in a new JVM
            ProcessHandle chat = ProcessHandle.of(pids.get("chat-server-1")).orElseThrow();
            assertThat(chat.destroyForcibly()).isTrue();
            chat.onExit().get(30, TimeUnit.SECONDS);
            await().atMost(SLOW).untilAsserted(() -> {
                ListedServer again = ListedServer.find(ListedServer.parse(cli.run("list").out()), "chat-server-1");
                assertThat(again.state()).isEqualTo("up");
                assertThat(again.pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(pids.get("chat-server-1")));
                assertThat(again.restarts()).isEqualTo(1);
            });
            // the others kept running, and their server lists have the chat server again: through the
            // gate (connectors) and the connector (chat servers), bob chats in a room held by the new JVM
            List<ListedServer> after = ListedServer.parse(cli.run("list").out());
            assertThat(ListedServer.find(after, "connector-server-1").pid()).hasValue(pids.get("connector-server-1"));
            assertThat(ListedServer.find(after, "gate-server-1").pid()).hasValue(pids.get("gate-server-1"));
            await().atMost(SLOW).untilAsserted(() -> {
                try (ChatUser bob = ChatUser.login("bob", app.gatePort())) {
                    assertThat(bob.enter("r2").path("users").toString()).contains("bob");
                    bob.send("r2", "back again");
                    var push = bob.next();
                    assertThat(push.getKey()).isEqualTo("onChat");
                    assertThat(push.getValue().path("msg").asString()).isEqualTo("back again");
                }
            });

            List<ProcessHandle> jvms = after.stream().map(server -> ProcessHandle.of(server.pid().getAsLong()).orElseThrow()).toList();
            Cli.Result stop = cli.run("stop");
            assertThat(stop.code()).as(stop.err()).isZero();
            assertThat(started.code().get(60, TimeUnit.SECONDS)).isZero();
            assertThat(jvms).noneMatch(ProcessHandle::isAlive);
        } finally {
            if (!started.code().isDone()) cli.run("stop");
        }
    }

    private static List<ListedServer> awaitAllUp(Cli cli) {
        return await().atMost(SLOW).until(() -> ListedServer.parse(cli.run("list").out()),
                servers -> servers.size() == 3 && servers.stream().allMatch(server -> server.state().equals("up")));
    }
}
