package io.troupe.server.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad file, with the exact message: file, place in it, what was expected. */
class ConfigErrorsTest {
    @TempDir
    Path dir;
    Path servers;
    Path master;

    @BeforeEach
    void goodMaster() throws IOException {
        servers = dir.resolve("servers.json");
        master = dir.resolve("master.json");
        Files.writeString(master, """
                {"development": {"id": "master-server-1", "host": "127.0.0.1", "port": 3005}}""");
    }

    /** Loads development with {@code body} as the servers of servers.json's development section. */
    private ConfigException serversError(String body) throws IOException {
        Files.writeString(servers, "{\"development\": {" + body + "}}");
        return error();
    }

    private ConfigException error() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> AppConfig.load(dir, "development"));
        assertThat(e).as("a ConfigException").isNotNull();
        return e;
    }

    private void assertError(ConfigException e, Path file, String location, String problem) {
        assertThat(e.getMessage()).isEqualTo(file + (location.isEmpty() ? "" : ": " + location) + ": " + problem);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.location()).isEqualTo(location);
    }

    @Test
    void portGivenAsAString() throws IOException {
        ConfigException e = serversError("""
                "chat": [{"id": "chat-server-1", "host": "127.0.0.1", "port": 6050},
                         {"id": "chat-server-2", "host": "127.0.0.1", "port": "6051"}]""");
        assertError(e, servers, "$.development.chat[1].port",
                "expected a port number (an integer from 1 to 65535), found a string (\"6051\")");
    }

    @Test
    void portOutOfRangeOrNotAnInteger() throws IOException {
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 70000}]"), servers,
                "$.development.chat[0].port", "expected a port number (an integer from 1 to 65535), found a number (70000)");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 6050.5}]"), servers,
                "$.development.chat[0].port", "expected a port number (an integer from 1 to 65535), found a number (6050.5)");
    }

    @Test
    void otherValuesOfTheWrongType() throws IOException {
        assertError(serversError("\"gate\": [{\"id\": \"g\", \"host\": \"h\", \"clientPort\": 3014, \"frontend\": \"true\"}]"),
                servers, "$.development.gate[0].frontend", "expected a boolean (true or false), found a string (\"true\")");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 1, \"auto-restart\": 1}]"),
                servers, "$.development.chat[0]['auto-restart']", "expected a boolean (true or false), found a number (1)");
        assertError(serversError("\"chat\": [{\"id\": 7, \"host\": \"h\", \"port\": 1}]"),
                servers, "$.development.chat[0].id", "expected a non-empty string, found a number (7)");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 1, \"args\": 5}]"),
                servers, "$.development.chat[0].args", "expected a string or an array of strings, found a number (5)");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 1, \"args\": [\"-a\", true]}]"),
                servers, "$.development.chat[0].args[1]", "expected a string, found a boolean (true)");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": 1, \"max-connections\": 0}]"),
                servers, "$.development.chat[0]['max-connections']", "expected a positive integer, found a number (0)");
        assertError(serversError("\"chat\": {\"id\": \"c\"}"),
                servers, "$.development.chat", "expected an array of servers, found an object");
        assertError(serversError("\"chat\": [\"chat-server-1\"]"),
                servers, "$.development.chat[0]", "expected an object, found a string (\"chat-server-1\")");
    }

    @Test
    void missingRequiredFields() throws IOException {
        assertError(serversError("\"chat\": [{\"host\": \"127.0.0.1\", \"port\": 6050}]"),
                servers, "$.development.chat[0].id", "missing required field (expected a string)");
        assertError(serversError("\"chat\": [{\"id\": \"chat-server-1\", \"port\": 6050}]"),
                servers, "$.development.chat[0].host", "missing required field (expected a string)");
        assertError(serversError("\"chat\": [{\"id\": \"chat-server-1\", \"host\": \"127.0.0.1\", \"port\": null}]"),
                servers, "$.development.chat[0].port",
                "missing required field (expected a port number: a backend server's RPC port)");
        assertError(serversError("\"gate\": [{\"id\": \"gate-server-1\", \"host\": \"127.0.0.1\", \"frontend\": true}]"),
                servers, "$.development.gate[0].clientPort",
                "missing required field (expected a port number: a frontend server's port for clients)");

        Files.writeString(master, "{\"development\": {\"id\": \"master-server-1\", \"host\": \"127.0.0.1\"}}");
        assertError(serversError(""), master, "$.development.port",
                "missing required field (expected a port number: the master's admin port)");
    }

    @Test
    void duplicateIds() throws IOException {
        assertError(serversError("""
                "connector": [{"id": "server-1", "host": "127.0.0.1", "port": 4050, "clientPort": 3050, "frontend": true}],
                "chat": [{"id": "server-1", "host": "127.0.0.1", "port": 6050}]"""),
                servers, "$.development.chat[0].id",
                "duplicate server id \"server-1\": already used by connector entry $.development.connector[0]");
        assertError(serversError("\"chat\": [{\"id\": \"master-server-1\", \"host\": \"127.0.0.1\", \"port\": 6050}]"),
                servers, "$.development.chat[0].id",
                "duplicate server id \"master-server-1\": already used by the master (" + master + " $.development.id)");
        assertError(serversError("""
                "chat": [{"id": "cluster-server-chat-1", "host": "127.0.0.1", "port": 6050},
                         {"host": "127.0.0.1", "port": "7050++", "clusterCount": 2}]"""),
                servers, "$.development.chat[1].clusterCount",
                "duplicate server id \"cluster-server-chat-1\": already used by chat entry $.development.chat[0]");
    }

    @Test
    void portClashes() throws IOException {
        assertError(serversError("""
                "chat": [{"id": "chat-server-1", "host": "127.0.0.1", "port": 6050},
                         {"id": "chat-server-2", "host": "127.0.0.1", "port": 6050}]"""),
                servers, "$.development.chat[1].port", "port 6050 on host 127.0.0.1 of chat-server-2 is already "
                        + "the port of chat-server-1 ($.development.chat[0].port)");
        assertError(serversError("""
                "gate": [{"id": "gate-server-1", "host": "127.0.0.1", "clientPort": 3014, "frontend": true}],
                "connector": [{"id": "connector-server-1", "host": "localhost", "port": 4050, "clientPort": 3014, "frontend": true}]"""),
                servers, "$.development.connector[0].clientPort", "port 3014 on host localhost of connector-server-1 "
                        + "is already the clientPort of gate-server-1 ($.development.gate[0].clientPort)");
        assertError(serversError("""
                "connector": [{"id": "connector-server-1", "host": "127.0.0.1", "port": 4050, "clientPort": 3050, "frontend": true}],
                "chat": [{"id": "chat-server-1", "host": "127.0.0.1", "port": 3050}]"""),
                servers, "$.development.chat[0].port", "port 3050 on host 127.0.0.1 of chat-server-1 is already "
                        + "the clientPort of connector-server-1 ($.development.connector[0].clientPort)");
        assertError(serversError("\"chat\": [{\"id\": \"chat-server-1\", \"host\": \"127.0.0.1\", \"port\": 3005}]"),
                servers, "$.development.chat[0].port", "port 3005 on host 127.0.0.1 of chat-server-1 is already "
                        + "the master's port (" + master + " $.development.port)");
        assertError(serversError("\"chat\": [{\"host\": \"127.0.0.1\", \"port\": 6050, \"clusterCount\": 2}]"),
                servers, "$.development.chat[0].port", "port 6050 on host 127.0.0.1 of cluster-server-chat-1 is already "
                        + "the port of cluster-server-chat-0 ($.development.chat[0].port)");
    }

    @Test
    void theSamePortOnTwoHostsIsFine() throws IOException {
        Files.writeString(servers, """
                {"development": {"chat": [{"id": "chat-server-1", "host": "10.0.0.1", "port": 6050},
                                          {"id": "chat-server-2", "host": "10.0.0.2", "port": 6050}]}}""");
        assertThat(AppConfig.load(dir, "development").allServers()).hasSize(2);
    }

    @Test
    void badClusterCounts() throws IOException {
        assertError(serversError("\"chat\": [{\"host\": \"h\", \"port\": \"6050++\", \"clusterCount\": 0}]"),
                servers, "$.development.chat[0].clusterCount", "expected a positive integer, found a number (0)");
        assertError(serversError("\"chat\": [{\"host\": \"h\", \"port\": \"6050++\", \"clusterCount\": \"3\"}]"),
                servers, "$.development.chat[0].clusterCount", "expected a positive integer, found a string (\"3\")");
        assertError(serversError("\"chat\": [{\"host\": \"h\", \"port\": \"x++\", \"clusterCount\": 2}]"),
                servers, "$.development.chat[0].port",
                "expected an integer followed by ++ (as in \"4050++\"), found a string (\"x++\")");
        assertError(serversError("\"chat\": [{\"id\": \"c\", \"host\": \"h\", \"port\": \"6050++\"}]"),
                servers, "$.development.chat[0].port",
                "expected a port number (an integer from 1 to 65535), found a string (\"6050++\")");
    }

    @Test
    void unknownEnvironment() throws IOException {
        Files.writeString(servers, "{\"development\": {}, \"production\": {}}");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> AppConfig.load(dir, "staging"));
        assertError(e, master, "$", "unknown environment \"staging\": the file has development, and "
                + dir.resolve("staging").resolve("master.json") + " does not exist");

        Files.writeString(master, "{\"id\": \"master-server-1\", \"host\": \"127.0.0.1\", \"port\": 3005}");
        e = catchThrowableOfType(ConfigException.class, () -> AppConfig.load(dir, "staging"));
        assertError(e, servers, "$", "unknown environment \"staging\": the file has development, production, and "
                + dir.resolve("staging").resolve("servers.json") + " does not exist");

        assertThatIllegalArgumentException().isThrownBy(() -> AppConfig.load(dir, "../etc"))
                .withMessage("not an environment name: \"../etc\"");
    }

    @Test
    void missingFile() {
        ConfigException e = error();
        assertThat(e).hasMessage(servers + ": missing file: neither it nor "
                + dir.resolve("development").resolve("servers.json") + " exists");
        assertThat(e.location()).isEmpty();
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        Files.writeString(servers, """
                {"development": {
                  "chat": [{"id": "chat-server-1", "host": "127.0.0.1" "port": 6050}]
                }}""");
        ConfigException e = error();
        assertThat(e.location()).isEqualTo("line 2, column 56");
        assertThat(e.getMessage()).startsWith(servers + ": line 2, column 56: malformed JSON: Unexpected character ('\"'");

        Files.writeString(servers, "{\"development\": {\"chat\": [{\"id\": \"a\", \"id\": \"b\"}]}}");
        assertThat(error().getMessage()).startsWith(servers + ": line 1, column 43: malformed JSON: Duplicate Object property \"id\"");

        Files.writeString(servers, "{\"development\": {}} {}");
        assertThat(error().getMessage()).startsWith(servers + ": line 1, column 21: malformed JSON: Trailing token");

        Files.writeString(servers, "   ");
        assertError(error(), servers, "", "malformed JSON: the file is empty, expected an object");

        Files.writeString(servers, "[1, 2]");
        assertError(error(), servers, "$", "expected an object, found an array");
    }
}
