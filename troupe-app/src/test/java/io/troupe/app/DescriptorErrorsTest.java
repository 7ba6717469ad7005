package io.troupe.app;

import io.troupe.app.DescriptorException.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DescriptorErrorsTest {
    static final String T = "io.troupe.app.TestEntries";

    static List<Problem> problems(String yaml, String... overrides) {
        DescriptorException e = catchThrowableOfType(DescriptorException.class,
                () -> AppDescriptor.parse(yaml, "bad.yaml", List.of(overrides)));
        assertThat(e).as("expected the descriptor to be rejected").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems().stream().map(Problem::toString).toList()));
        return e.problems();
    }

    static String app(String entries) {
        return "namespace: app\nentries:\n" + entries.indent(2);
    }

    static String process(String name, String method) {
        return "- { name: %s, kind: process, class: %s, method: %s }\n".formatted(name, T, method);
    }

    @Test
    void unknownKind() {
        assertThat(problems(app("- { name: x, kind: process.lua }")))
                .containsExactly(new Problem("bad.yaml", "app:x", "kind",
                        "unknown kind 'process.lua' (known: process, process.service, terminal.host, process.host)"));
    }

    @Test
    void unknownEntryReference() {
        assertThat(problems(app("- { name: s, kind: process.service, process: app:nope }")))
                .containsExactly(new Problem("bad.yaml", "app:s", "process", "unknown entry app:nope (expected a process)"));
        assertThat(problems(app(process("p", "noArgs") + "- { name: s, kind: process.service, process: p, lifecycle: { requires: [ghost] } }")))
                .containsExactly(new Problem("bad.yaml", "app:s", "lifecycle.requires",
                        "unknown entry app:ghost (expected a process.host or process.service or terminal.host)"));
    }

    @Test
    void referenceToTheWrongKind() {
        assertThat(problems(app(process("p", "noArgs") + """
                - { name: t, kind: terminal.host }
                - { name: s, kind: process.service, process: app:t, host: p }
                """)))
                .containsExactly(
                        new Problem("bad.yaml", "app:s", "process", "app:t is a terminal.host, expected a process"),
                        new Problem("bad.yaml", "app:s", "host", "app:p is a process, expected a process.host"));
    }

    @Test
    void cycleInRequires() {
        List<Problem> problems = problems(app(process("p", "noArgs") + """
                - { name: a, kind: process.service, process: p, lifecycle: { requires: [b] } }
                - { name: b, kind: process.service, process: p, lifecycle: { requires: [c] } }
                - { name: c, kind: process.service, process: p, lifecycle: { requires: [a] } }
                - { name: d, kind: process.service, process: p, lifecycle: { requires: [d] } }
                """));
        assertThat(problems).containsExactly(
                new Problem("bad.yaml", "app:a", "lifecycle.requires", "cycle in requires: app:a -> app:b -> app:c -> app:a"),
                new Problem("bad.yaml", "app:d", "lifecycle.requires", "cycle in requires: app:d -> app:d"));
    }

    @Test
    void missingClass() {
        assertThat(problems(app("- { name: p, kind: process, class: io.troupe.app.Missing }")))
                .containsExactly(new Problem("bad.yaml", "app:p", "class", "no class io.troupe.app.Missing on the class path"));
    }

    @Test
    void missingMethod() {
        assertThat(problems(app(process("p", "nothingHere"))))
                .containsExactly(new Problem("bad.yaml", "app:p", "method", "class " + T + " has no method 'nothingHere'"));
    }

    @Test
    void wrongMethodSignature() {
        assertThat(problems(app(process("a", "twoParams") + process("b", "returnsString") + process("c", "overloaded"))))
                .extracting(Problem::entry, Problem::path, Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app:a", "method", "wrong signature: found public static int twoParams(String, String); "
                                + "allowed: int|void twoParams(AppContext), int|void twoParams(String...), int|void twoParams()"),
                        org.assertj.core.groups.Tuple.tuple("app:b", "method", "wrong signature: found public static String returnsString(); "
                                + "allowed: int|void returnsString(AppContext), int|void returnsString(String...), int|void returnsString()"),
                        org.assertj.core.groups.Tuple.tuple("app:c", "method", "wrong signature: found public static List overloaded(int); "
                                + "allowed: int|void overloaded(AppContext), int|void overloaded(String...), int|void overloaded()"));
    }

    @Test
    void methodMustBePublicStatic() {
        assertThat(problems(app(process("a", "notStatic") + process("b", "notPublic"))))
                .containsExactly(
                        new Problem("bad.yaml", "app:a", "method", "public int notStatic() must be public static"),
                        new Problem("bad.yaml", "app:b", "method", "static int notPublic() must be public static"));
    }

    @Test
    void badDuration() {
        assertThat(problems(app(process("p", "noArgs") + """
                - name: s
                  kind: process.service
                  process: p
                  lifecycle: { stop_timeout: 10, restart: { initial_delay: 5x } }
                """)))
                .containsExactly(
                        new Problem("bad.yaml", "app:s", "lifecycle.stop_timeout", "bad duration: '10' has no unit (write e.g. 10s or 10ms)"),
                        new Problem("bad.yaml", "app:s", "lifecycle.restart.initial_delay",
                                "bad duration: '5x' is not a duration (e.g. 100ms, 5s, 1h30m)"));
    }

    @Test
    void duplicateName() {
        assertThat(problems(app(process("p", "noArgs") + process("p", "withArgs"))))
                .containsExactly(new Problem("bad.yaml", "app:p", "name", "duplicate name 'p' (entries[0] and entries[1])"));
    }

    @Test
    void missingFields() {
        assertThat(problems(app("- { kind: process, class: X }\n- { name: p, kind: process }\n- { name: s, kind: process.service }\n- { name: k }")))
                .containsExactly(
                        new Problem("bad.yaml", "entries[0]", "name", "missing field"),
                        new Problem("bad.yaml", "app:p", "class", "missing field"),
                        new Problem("bad.yaml", "app:s", "process", "missing field"),
                        new Problem("bad.yaml", "app:k", "kind", "missing field"));
        assertThat(problems("entries: []"))
                .containsExactly(new Problem("bad.yaml", null, "namespace", "missing field"));
    }

    @Test
    void unknownFields() {
        assertThat(problems("namespace: app\nextra: 1\nentries:\n" + """
                - name: p
                  kind: process
                  class: %s
                  method: noArgs
                  source: file://relay.lua
                - name: s
                  kind: process.service
                  process: p
                  lifecycle: { autostart: true, restart: { delay: 1s } }
                - { name: h, kind: process.host, host: { workers: 2, queue_size: 1024 } }
                """.formatted(T).indent(2)))
                .containsExactly(
                        new Problem("bad.yaml", "app:p", "source", "unknown field"),
                        new Problem("bad.yaml", "app:s", "lifecycle.restart.delay", "unknown field"),
                        new Problem("bad.yaml", "app:s", "lifecycle.autostart", "unknown field"),
                        new Problem("bad.yaml", "app:h", "host.queue_size", "unknown field"),
                        new Problem("bad.yaml", null, "extra", "unknown field"));
    }

    @Test
    void wrongTypesAndRanges() {
        assertThat(problems(app(process("p", "noArgs") + """
                - name: s
                  kind: process.service
                  process: p
                  lifecycle: { auto_start: maybe, restart: { jitter: 1.5, max_attempts: -1, backoff_factor: fast } }
                - { name: h, kind: process.host, host: { workers: 0 } }
                """)))
                .containsExactly(
                        new Problem("bad.yaml", "app:s", "lifecycle.auto_start", "expected true or false, found 'maybe'"),
                        new Problem("bad.yaml", "app:s", "lifecycle.restart.backoff_factor", "expected a number, found 'fast'"),
                        new Problem("bad.yaml", "app:s", "lifecycle.restart.jitter", "must be between 0.0 and 1.0, was 1.5"),
                        new Problem("bad.yaml", "app:s", "lifecycle.restart.max_attempts", "must be at least 0, was -1"),
                        new Problem("bad.yaml", "app:h", "host.workers", "must be at least 1, was 0"));
    }

    @Test
    void onlyOneProcessHost() {
        assertThat(problems(app("- { name: h1, kind: process.host }\n- { name: h2, kind: process.host }")))
                .containsExactly(new Problem("bad.yaml", "app:h2", "kind",
                        "only one process.host is allowed (the runtime has one scheduler; app:h1 is the first)"));
    }

    @Test
    void badOverrides_areReportedWithTheCommandLineAndTheField() {
        List<Problem> problems = problems(app(process("p", "noArgs") + "- { name: s, kind: process.service, process: p }"),
                "nonsense", "app:ghost.x=1", "other:s.lifecycle.auto_start=true", "s.lifecycle.start_timeout=soon", "s=1");
        assertThat(problems).containsExactly(
                new Problem("<command line>", null, null, "override 'nonsense' must look like ns:entry.field=value"),
                new Problem("<command line>", null, null, "override 'app:ghost.x=1': no entry app:ghost"),
                new Problem("<command line>", null, null, "override 'other:s.lifecycle.auto_start=true': no entry other:s"),
                new Problem("<command line>", null, null, "override 's=1' names no field (write ns:entry.field=value)"),
                new Problem("bad.yaml", "app:s", "lifecycle.start_timeout",
                        "bad duration: 'soon' is not a duration (e.g. 100ms, 5s, 1h30m) (set by -o s.lifecycle.start_timeout=soon)"));
    }

    @Test
    void notYamlOrEmptyOrDuplicateKeys() {
        assertThat(problems("namespace: [app")).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("not valid YAML"));
        assertThat(problems("")).containsExactly(new Problem("bad.yaml", null, null, "empty descriptor"));
        assertThat(problems("namespace: app\nnamespace: other\nentries: []")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("Duplicate").contains("namespace"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Problem> problems = problems(app(process("p", "nope") + "- { name: q, kind: wat }\n- { name: s, kind: process.service, process: z }"));
        assertThat(problems).extracting(Problem::entry).containsExactly("app:q", "app:p", "app:s");
    }

    @Test
    void load_namesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, app("- { name: x, kind: nope }"));
        assertThatThrownBy(() -> AppDescriptor.load(file, List.of()))
                .isInstanceOf(DescriptorException.class)
                .hasMessageStartingWith(file + ": app:x: kind: unknown kind 'nope'");
        assertThatThrownBy(() -> AppDescriptor.load(dir.resolve("missing.yaml"), List.of()))
                .hasMessage(dir.resolve("missing.yaml") + ": no such file");
    }
}
