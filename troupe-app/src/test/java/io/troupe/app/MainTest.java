package io.troupe.app;

import io.troupe.app.internal.TroupeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The troupe command's answers to bad input, run in this JVM (nothing is started for them). */
class MainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int troupe(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return TroupeCommand.execute(args, Terminal.of(new ByteArrayInputStream(new byte[0]), o, e), o, e);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badDescriptor_printsEveryProblemAndExits2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, """
                namespace: app
                entries:
                  - { name: relay, kind: process.lua }
                  - { name: svc, kind: process.service, process: app:relay, lifecycle: { stop_timeout: 5x } }
                """);
        assertThat(troupe("run", file.toString(), "-x", "app:relay", "-o", "app:svc.lifecycle.bogus=1")).isEqualTo(2);
        assertThat(err()).contains("troupe: invalid app descriptor (3 problems):",
                file + ": app:relay: kind: unknown kind 'process.lua'",
                file + ": app:svc: lifecycle.stop_timeout: bad duration: '5x' is not a duration",
                file + ": app:svc: lifecycle.bogus: unknown field (set by -o app:svc.lifecycle.bogus=1)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingFile_exits2() {
        assertThat(troupe("run", "no/such/app.yaml")).isEqualTo(2);
        assertThat(err()).contains("no/such/app.yaml: no such file");
    }

    @Test
    void execOfSomethingThatIsNotAProcess_exits2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, """
                namespace: app
                entries:
                  - { name: term, kind: terminal.host }
                  - { name: p, kind: process, class: io.troupe.app.TestEntries, method: noArgs }
                """);
        assertThat(troupe("run", file.toString(), "-x", "app:term")).isEqualTo(2);
        assertThat(err()).contains("troupe: -x app:term: app:term is a terminal.host, not a process");
        assertThat(troupe("run", file.toString(), "-x", "ghost")).isEqualTo(2);
        assertThat(err()).contains("-x ghost: no entry app:ghost");
        assertThat(troupe("run", file.toString(), "-x", "p", "--host", "app:p")).isEqualTo(2);
        assertThat(err()).contains("no terminal.host entry app:p");
    }

    @Test
    void usageErrors_exit2_andHelpExits0() {
        assertThat(troupe("run")).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter: 'FILE'");
        assertThat(troupe("walk")).isEqualTo(2);
        assertThat(troupe()).isEqualTo(2);
        assertThat(troupe("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: troupe run", "-x, --exec=ENTRY", "-o, --override");
    }
}
