package io.troupe.examples.echo;

import io.troupe.examples.echo.TroupeCli.Line;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WP-1 through the real command: {@code troupe run echo/app.yaml -x app:cli} in its own JVM, fed on
 * stdin. The relay runs as an auto-started service in the same runtime.
 */
class EchoCliTest {
    static final Duration LINE = Duration.ofSeconds(20); // generous: includes JVM start on a busy machine
    static final Duration EXIT = Duration.ofSeconds(30);
    static final String YAML = TroupeCli.echoYaml().toString();

    static boolean reply(String text, String data) {
        return text.equals("  " + data);
    }

    @Test
    void a_helloWorld_isEchoedUpperCase_fromAWorker_thenGoodbye() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli")) {
            cli.send("hello world");
            cli.send("");
            assertThat(cli.awaitExit(EXIT)).isZero();
            assertThat(cli.stdout()).containsSubsequence(
                    "Echo Client", "Type messages to echo. Ctrl+C to exit.", "  HELLO WORLD", "", "Goodbye!");
            int reply = cli.stdout().indexOf("  HELLO WORLD");
            assertThat(cli.stdout().get(reply + 1)).matches("  from worker: <nonode@nohost\\.\\d+\\.\\d+>");
            assertThat(cli.stderr()).as("logs are off while -x owns the console").isEmpty();
        }
    }

    @Test
    void b_threeLines_inOrder_fromThreeDistinctWorkers_eachWithin100msTo2s() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli")) {
            cli.awaitLine(text -> text.startsWith("Type messages"), LINE);
            Set<String> workers = new HashSet<>();
            for (String[] pair : List.of(new String[] {"a", "A"}, new String[] {"b c", "B C"}, new String[] {"Wippy", "WIPPY"})) {
                long sent = cli.send(pair[0]);
                Line answer = cli.awaitLine(text -> text.startsWith("  "), LINE);
                assertThat(answer.text()).isEqualTo("  " + pair[1]);
                assertThat(Duration.ofNanos(answer.nanos() - sent)).isBetween(Duration.ofMillis(100), Duration.ofMillis(1999));
                workers.add(cli.awaitLine(text -> text.startsWith("  from worker: "), LINE).text());
            }
            assertThat(workers).hasSize(3);
            cli.closeInput();
            assertThat(cli.awaitExit(EXIT)).isZero();
            assertThat(cli.stdout()).endsWith("Goodbye!");
        }
    }

    @Test
    void c_verbose_showsTheRelaysLogOnStderr_threeWorkersExitNormally() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli", "-v")) {
            for (String line : List.of("one", "two", "three")) {
                cli.send(line);
                cli.awaitLine(text -> text.equals("  " + line.toUpperCase()), LINE);
            }
            cli.closeInput();
            assertThat(cli.awaitExit(EXIT)).isZero();
            assertThat(cli.stderr()).contains("relay started pid=", "relay stopping");
            assertThat(cli.stderr().lines().filter(l -> l.contains("worker exited") && l.endsWith("reason=normal")))
                    .hasSize(3);
            assertThat(String.join("\n", cli.stdout())).doesNotContain("relay started");
        }
    }

    @Test
    void e_withoutTheRelayService_theClientSaysRelayNotReady_andExits1() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli",
                "-o", "app:relay-service.lifecycle.auto_start=false")) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(1);
            assertThat(cli.stdout()).containsExactly("relay not ready");
        }
    }

    @Test
    void f_slowWorkers_timeOut_andALateReplyIsNeverTakenForTheNextAnswer() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli", "-o", "app:relay.config.worker_delay=3s")) {
            cli.awaitLine(text -> text.startsWith("Type messages"), LINE);
            cli.send("first");
            cli.awaitLine(text -> text.startsWith("  "), LINE);
            cli.send("second"); // FIRST's reply arrives ~1 s into this wait: the Wippy client printed it here
            cli.awaitLine(text -> text.startsWith("  "), LINE);
            cli.send("");
            assertThat(cli.awaitExit(EXIT)).isZero();
            assertThat(cli.stdout().stream().filter(text -> text.startsWith("  ")))
                    .containsExactly("  timeout", "  timeout");
            assertThat(String.join("\n", cli.stdout())).doesNotContain("FIRST", "SECOND");
        }
    }

    @Test
    void badDescriptor_isReportedOnStderr_withExitCode2() throws Exception {
        try (TroupeCli cli = TroupeCli.start("run", YAML, "-x", "app:cli",
                "-o", "app:relay-service.lifecycle.restart.initial_delay=soon", "-o", "app:cli.class=io.troupe.Nope")) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(2);
            assertThat(cli.stdout()).isEmpty();
            assertThat(cli.stderr()).contains(
                    "troupe: invalid app descriptor (2 problems):",
                    YAML + ": app:relay-service: lifecycle.restart.initial_delay: bad duration: 'soon' is not a duration",
                    YAML + ": app:cli: class: no class io.troupe.Nope on the class path");
        }
    }
}
