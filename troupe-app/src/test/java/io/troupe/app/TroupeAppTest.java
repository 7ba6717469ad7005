package io.troupe.app;

import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TroupeAppTest {
    static final String YAML = """
            namespace: test
            entries:
              - { name: processes, kind: process.host, host: { workers: 2 } }
              - { name: ctx, kind: process, class: io.troupe.app.TestEntries, method: withContext,
                  args: [one, two], config: { greeting: hello } }
              - { name: argv, kind: process, class: io.troupe.app.TestEntries, method: withArgs }
              - { name: seven, kind: process, class: io.troupe.app.TestEntries, method: noArgs }
              - { name: lines, kind: process, class: io.troupe.app.TestEntries, method: echoLines }
              - { name: blocker, kind: process, class: io.troupe.app.TestEntries, method: blockUntilCancelled }
            """;

    static final class Console {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Terminal terminal;

        Console(String input) {
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            terminal = Terminal.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), print, print);
        }

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static TroupeApp start() {
        return TroupeApp.start(AppDescriptor.parse(YAML, "test.yaml", List.of()));
    }

    @Test
    void exec_passesArgsConfigAndTerminal_andReturnsTheResult() throws Exception {
        try (TroupeApp app = start()) {
            Console console = new Console("");
            assertThat(app.exec(EntryId.parse("test:ctx"), List.of(), console.terminal)).isEqualTo(2);
            assertThat(console.text()).isEqualTo("args=[one, two] greeting=hello\n");

            Console other = new Console("");
            assertThat(app.exec(EntryId.parse("test:ctx"), List.of("x", "y", "z"), other.terminal)).isEqualTo(3);
            assertThat(other.text()).startsWith("args=[x, y, z]");
        }
    }

    @Test
    void exec_everyAllowedSignature() throws Exception {
        try (TroupeApp app = start()) {
            Console console = new Console("abc\ndef\n");
            assertThat(app.exec(EntryId.parse("test:seven"), List.of(), console.terminal)).isEqualTo(7);
            assertThat(app.exec(EntryId.parse("test:argv"), List.of("fine"), console.terminal)).isZero();
            assertThat(app.exec(EntryId.parse("test:lines"), List.of(), console.terminal)).isEqualTo(2);
            assertThat(console.text()).isEqualTo("ABC\nDEF\n");
        }
    }

    @Test
    void exec_aFailingProcessThrowsExecutionExceptionWithItsCause() {
        try (TroupeApp app = start()) {
            assertThatThrownBy(() -> app.exec(EntryId.parse("test:argv"), List.of("fail"), new Console("").terminal))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("asked to fail");
        }
    }

    @Test
    void exec_rejectsWhatIsNotAProcess_andABusyTerminalHost() throws Exception {
        try (TroupeApp app = start()) {
            assertThatThrownBy(() -> app.exec(EntryId.parse("test:processes"), List.of(), new Console("").terminal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a process entry");

            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.exec(EntryId.parse("test:blocker"), List.of("first"), new Console("").terminal);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> app.runtime().whereis("first").isPresent());
            assertThatThrownBy(() -> app.exec(EntryId.parse("test:seven"), List.of(), new Console("").terminal))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("busy");
            app.runtime().run(() -> Troupe.cancel(app.runtime().whereis("first").orElseThrow()));
            assertThat(first.get()).isZero();
            assertThat(app.exec(EntryId.parse("test:seven"), List.of(), new Console("").terminal)).isEqualTo(7);
        }
    }

    @Test
    void start_usesTheProcessHostSettings_andCloseIsIdempotent() {
        TroupeApp app = start();
        assertThat(app.runtime().isAlive(app.runtime().spawn(() -> Troupe.receive()))).isTrue();
        app.close();
        app.close();
        assertThatThrownBy(() -> app.exec(EntryId.parse("test:seven"), List.of(), new Console("").terminal))
                .isInstanceOf(IllegalStateException.class);
    }
}
