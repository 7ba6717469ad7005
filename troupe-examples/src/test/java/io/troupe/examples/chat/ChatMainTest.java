package io.troupe.examples.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job: the whole conversation, printed readably, exit status 0. */
class ChatMainTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void printsTheWholeConversationAndSucceeds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = ChatMain.run(out, Duration.ofMillis(100)); // the CL-13 cadence is tested in ChatTest
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();

        assertThat(status).as(output).isZero();
        assertThat(output).contains("alice joined", "bob joined", "carol joined",
                "carol left", "alice left", "bob left", "chat over");
        String seatLine = lines.stream().filter(l -> l.contains("seats: ")).findFirst().orElseThrow();
        assertThat(seatLine.substring(seatLine.indexOf("seats: ") + 7).split(", "))
                .as("listeners join concurrently, so the seat order may vary")
                .containsExactlyInAnyOrder("alice", "bob", "carol");
        for (String listener : List.of("alice", "bob")) {
            List<String> heard = lines.stream().filter(l -> l.contains(" " + listener + " ") && l.contains("<- carol:"))
                    .map(l -> l.substring(l.indexOf("<- carol: ") + "<- carol: ".length())).toList();
            assertThat(heard).as(listener).containsExactly(
                    "msg 1", "msg 2", "msg 3", "msg 4", "msg 5", "msg 6", "msg 7", "msg 8", "msg 9", "msg 10");
            assertThat(output).contains(listener + " heard 10 of 10 lines, in order, all from carol");
        }
        assertThat(lines.stream().filter(l -> l.contains("carol says: msg"))).hasSize(10);
    }
}
