package io.troupe.examples.echo;

import io.troupe.app.AppDescriptor;
import io.troupe.app.EntryId;
import io.troupe.app.TroupeApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** WP-7: the chat-room example's final info lines, room names released on close, one notification per action. */
class ChatRoomsTest {
    static final String YAML = """
            namespace: app
            entries:
              - { name: terminal, kind: terminal.host }
              - { name: cli, kind: process, class: io.troupe.examples.echo.ChatRooms, method: cli }
              - { name: notifications, kind: process, class: io.troupe.examples.echo.ChatRooms, method: notifications }
              - { name: notifications-service, kind: process.service, process: notifications, lifecycle: { auto_start: true } }
            """;
    static final Pattern INFO = Pattern.compile("#(\\w+): (\\d+) members \\((.*)\\), (\\d+) messages");

    @Test
    void finalInfoLines_matchTheExample_comparingMembersAsSets() throws Exception {
        ChatRooms.NOTIFIED.clear();
        try (TroupeApp app = TroupeApp.start(AppDescriptor.parse(YAML, "chat.yaml", List.of()))) {
            ConsoleStub console = new ConsoleStub();
            assertThat(app.exec(EntryId.parse("app:cli"), List.of(), console)).isZero();

            List<String> lines = console.lines();
            assertThat(lines).hasSize(3);
            assertInfo(lines.get(0), "general", Set.of("Alice", "Bob"), 4);
            assertInfo(lines.get(1), "random", Set.of("Alice", "Charlie"), 3);
            assertThat(lines.get(2)).isEqualTo("closed: true, true");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(counts()).isEqualTo(Map.of(
                    "room.created", 2, "user.joined", 4, "message.sent", 7, "user.left", 1, "room.closed", 2)));
        }
    }

    static void assertInfo(String line, String room, Set<String> members, int messages) {
        Matcher m = INFO.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(m.group(1)).isEqualTo(room);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(members.size());
        assertThat(Set.of(m.group(3).split(", "))).isEqualTo(members);
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(messages);
    }

    static Map<String, Integer> counts() {
        return ChatRooms.NOTIFIED.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

}
