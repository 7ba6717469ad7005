package io.troupe.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AppConfigTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(AppConfigTest.class.getResource("/config/" + name).toURI());
    }

    static ServerConfig server(String id, String type, String host, OptionalInt port, OptionalInt clientPort,
                               boolean frontend, List<String> args) {
        return new ServerConfig(id, type, host, port, Optional.empty(), clientPort, frontend, false, false,
                OptionalInt.empty(), args, Map.of());
    }

    @Test
    void chatDemoDevelopment() throws Exception {
        AppConfig config = AppConfig.load(resource("chat"), AppConfig.DEFAULT_ENVIRONMENT);

        assertThat(config.environment()).isEqualTo("development");
        assertThat(config.master()).isEqualTo(new MasterConfig("master-server-1", "127.0.0.1", 3005, Map.of()));
        assertThat(config.servers()).containsOnlyKeys("connector", "chat", "gate");
        assertThat(config.allServers()).containsExactly(
                server("connector-server-1", "connector", "127.0.0.1", OptionalInt.of(4050), OptionalInt.of(3050), true,
                        List.of("--inspect=10001")),
                server("chat-server-1", "chat", "127.0.0.1", OptionalInt.of(6050), OptionalInt.empty(), false,
                        List.of("--inspect=10002")),
                server("gate-server-1", "gate", "127.0.0.1", OptionalInt.empty(), OptionalInt.of(3014), true,
                        List.of("--inspect=10003")));
    }

    @Test
    void chatDemoProduction() throws Exception {
        AppConfig config = AppConfig.load(resource("chat"), "production");

        assertThat(config.environment()).isEqualTo("production");
        assertThat(config.master().port()).isEqualTo(3005);
        assertThat(config.serversOfType("gate")).extracting(ServerConfig::id).containsExactly("gate-server-1");
        assertThat(config.serversOfType("connector")).extracting(ServerConfig::id)
                .containsExactly("connector-server-1", "connector-server-2", "connector-server-3");
        assertThat(config.serversOfType("connector")).extracting(s -> s.port().getAsInt(), s -> s.clientPort().getAsInt())
                .containsExactly(tuple(4050, 3050),
                        tuple(4051, 3051), tuple(4052, 3052));
        assertThat(config.serversOfType("chat")).extracting(s -> s.port().getAsInt()).containsExactly(6050, 6051, 6052);
        assertThat(config.serversOfType("chat")).allSatisfy(s -> {
            assertThat(s.frontend()).isFalse();
            assertThat(s.args()).isEmpty();
        });
        assertThat(config.serversOfType("area")).isEmpty();
        assertThat(config.server("chat-server-2")).map(ServerConfig::port).contains(OptionalInt.of(6051));
        assertThat(config.server("nope")).isEmpty();
    }

    @Test
    void filesInAnEnvironmentDirectoryHaveNoEnvironmentKeysAndKeepEveryOtherField() throws Exception {
        AppConfig config = AppConfig.load(resource("by-directory"), "production");

        assertThat(config.master()).isEqualTo(new MasterConfig("master-server-1", "10.0.0.1", 3005, Map.of()));
        ServerConfig connector = config.server("connector-server-1").orElseThrow();
        assertThat(connector.clientHost()).contains("game.example.org");
        assertThat(connector.maxConnections()).hasValue(5000);
        assertThat(connector.autoRestart()).isTrue();
        assertThat(connector.restartForce()).isFalse();
        assertThat(connector.args()).containsExactly("-Xmx1g", "-Dtroupe.x=1");
        assertThat(connector.extra()).isEmpty();

        ServerConfig area = config.server("area-server-1").orElseThrow();
        assertThat(area.restartForce()).isTrue();
        assertThat(area.extra().keySet()).containsExactly("area", "cpu", "tags", "limits", "note");
        assertThat(area.extra()).containsEntry("area", 1).containsEntry("cpu", 2)
                .containsEntry("tags", List.of("pvp", "eu")).containsEntry("limits", Map.of("players", 200, "ratio", 0.5))
                .containsEntry("note", null);
    }

    @Test
    void aFileWithoutEnvironmentKeysServesEveryEnvironment() throws Exception {
        Files.writeString(dir.resolve("master.json"), """
                {"id": "master", "host": "127.0.0.1", "port": 3005}""");
        Files.writeString(dir.resolve("servers.json"), """
                {"chat": [{"id": "chat-1", "host": "127.0.0.1", "port": 6050}]}""");

        assertThat(AppConfig.load(dir, "staging").allServers()).extracting(ServerConfig::id).containsExactly("chat-1");
        assertThat(AppConfig.load(dir, "development").master().id()).isEqualTo("master");
    }

    @Test
    void clusterCountExpandsAnEntryIntoNumberedServersWithIncrementedValues() throws Exception {
        Files.writeString(dir.resolve("master.json"), """
                {"development": {"id": "master", "host": "127.0.0.1", "port": 3005}}""");
        Files.writeString(dir.resolve("servers.json"), """
                {"development": {
                  "connector": [
                    {"id": "connector-server-1", "host": "127.0.0.1", "port": 4050, "clientPort": 3050, "frontend": true},
                    {"host": "127.0.0.1", "port": "4060++", "clientPort": "3060++", "frontend": true, "clusterCount": 2}
                  ],
                  "chat": [
                    {"host": "127.0.0.1", "port": "6050++", "clusterCount": 3, "area": 7},
                    {"host": "127.0.0.2", "port": "6050++", "clusterCount": 2}
                  ]
                }}""");

        AppConfig config = AppConfig.load(dir, "development");

        assertThat(config.serversOfType("connector")).extracting(ServerConfig::id, s -> s.port().getAsInt(),
                        s -> s.clientPort().getAsInt())
                .containsExactly(tuple("connector-server-1", 4050, 3050),
                        tuple("cluster-server-connector-0", 4060, 3060),
                        tuple("cluster-server-connector-1", 4061, 3061));
        assertThat(config.serversOfType("chat")).extracting(ServerConfig::id, ServerConfig::host, s -> s.port().getAsInt())
                .containsExactly(tuple("cluster-server-chat-0", "127.0.0.1", 6050),
                        tuple("cluster-server-chat-1", "127.0.0.1", 6051),
                        tuple("cluster-server-chat-2", "127.0.0.1", 6052),
                        tuple("cluster-server-chat-3", "127.0.0.2", 6050),
                        tuple("cluster-server-chat-4", "127.0.0.2", 6051));
        assertThat(config.server("cluster-server-chat-2").orElseThrow().extra())
                .containsExactly(Map.entry("area", 7));
    }

    @Test
    void recordsAreImmutable() throws Exception {
        AppConfig config = AppConfig.load(resource("chat"), "production");
        assertThat(config.servers()).isUnmodifiable();
        assertThat(config.serversOfType("chat")).isUnmodifiable();
        assertThat(config.allServers().getFirst().extra()).isUnmodifiable();
    }
}
