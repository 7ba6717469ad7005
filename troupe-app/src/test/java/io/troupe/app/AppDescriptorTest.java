package io.troupe.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppDescriptorTest {
    static final String T = "io.troupe.app.TestEntries";

    static final String FULL = """
            version: "1.0"
            namespace: app
            entries:
              - name: terminal
                kind: terminal.host
                lifecycle: { auto_start: true }
              - name: processes
                kind: process.host
                host: { workers: 3, throughput: 16 }
                lifecycle: { auto_start: true }
              - name: cli
                kind: process
                class: %1$s
                method: withContext
                args: [a, 2, true]
                config: { greeting: hi, timeout: 2s }
              - name: db
                kind: process
                class: %1$s
                method: noArgs
              - name: db-service
                kind: process.service
                process: app:db
              - name: relay-service
                kind: process.service
                process: cli
                host: app:processes
                input: [x]
                lifecycle:
                  auto_start: true
                  start_timeout: 1s
                  stop_timeout: 1h30m
                  stable_threshold: 250ms
                  requires: [app:db-service]
                  restart: { initial_delay: 100ms, max_delay: 1s, backoff_factor: 1.5, jitter: 0, max_attempts: 4 }
            """.formatted(T);

    @Test
    void parse_readsEveryKindIntoRecords() {
        AppDescriptor d = AppDescriptor.parse(FULL, "app.yaml", List.of());

        assertThat(d.file()).isEqualTo("app.yaml");
        assertThat(d.version()).isEqualTo("1.0");
        assertThat(d.namespace()).isEqualTo("app");
        assertThat(d.entries()).extracting(e -> e.id().toString())
                .containsExactly("app:terminal", "app:processes", "app:cli", "app:db", "app:db-service", "app:relay-service");
        assertThat(d.entry("terminal")).contains(new TerminalHostEntry(new EntryId("app", "terminal"), true));
        assertThat(d.entry("app:processes")).contains(new ProcessHostEntry(new EntryId("app", "processes"), 3, 16));
        assertThat(d.entry("cli")).contains(new ProcessEntry(new EntryId("app", "cli"), T, "withContext",
                List.of("a", "2", "true"), Map.of("greeting", "hi", "timeout", "2s")));

        ServiceEntry relay = d.entries(ServiceEntry.class).get(1);
        assertThat(relay.process()).isEqualTo(EntryId.parse("app:cli"));
        assertThat(relay.host()).contains(EntryId.parse("app:processes"));
        assertThat(relay.input()).containsExactly("x");
        assertThat(relay.lifecycle()).isEqualTo(new Lifecycle(true, Duration.ofSeconds(1), Duration.ofMinutes(90),
                Duration.ofMillis(250), List.of(EntryId.parse("app:db-service")),
                new RestartSettings(Duration.ofMillis(100), Duration.ofSeconds(1), 1.5, 0.0, 4)));
    }

    @Test
    void parse_fillsInWippyDefaults() {
        AppDescriptor d = AppDescriptor.parse(FULL, "app.yaml", List.of());

        ServiceEntry db = d.entries(ServiceEntry.class).getFirst();
        assertThat(db.lifecycle()).isEqualTo(Lifecycle.defaults());
        assertThat(db.lifecycle().autoStart()).isFalse();
        assertThat(db.lifecycle().startTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(db.lifecycle().stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(db.lifecycle().stableThreshold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(db.lifecycle().restart()).isEqualTo(
                new RestartSettings(Duration.ofSeconds(1), Duration.ofSeconds(90), 2.0, 0.1, 0));
        assertThat(db.host()).isEmpty();
        assertThat(d.entry("db")).map(e -> ((ProcessEntry) e).args()).contains(List.of());
    }

    @Test
    void overrides_allThreeFormsSetFieldsBeforeChecking() {
        AppDescriptor d = AppDescriptor.parse(FULL, "app.yaml", List.of(
                "app:relay-service.lifecycle.auto_start=false",
                "db-service.lifecycle.restart.initial_delay=3s",
                "app:cli:config.greeting=hello there",
                "app:processes.host.workers=1",
                "app:db-service.lifecycle.requires=[]",
                "app:cli.args=[p, q]"));

        assertThat(d.entries(ServiceEntry.class).get(1).lifecycle().autoStart()).isFalse();
        ServiceEntry db = d.entries(ServiceEntry.class).getFirst();
        assertThat(db.lifecycle().restart().initialDelay()).isEqualTo(Duration.ofSeconds(3));
        ProcessEntry cli = (ProcessEntry) d.entry("cli").orElseThrow();
        assertThat(cli.config()).containsEntry("greeting", "hello there");
        assertThat(cli.args()).containsExactly("p", "q");
        assertThat(d.entries(ProcessHostEntry.class).getFirst().workers()).isEqualTo(1);
    }

    @Test
    void overrides_createMissingMaps() {
        AppDescriptor d = AppDescriptor.parse(FULL, "app.yaml",
                List.of("app:db-service.lifecycle.restart.max_attempts=2", "app:db.config.delay=3s"));

        assertThat(d.entries(ServiceEntry.class).getFirst().lifecycle().restart().maxAttempts()).isEqualTo(2);
        assertThat(((ProcessEntry) d.entry("db").orElseThrow()).config()).containsEntry("delay", "3s");
    }

    @Test
    void dependsOn_isAnAliasOfRequires() {
        String yaml = FULL.replace("requires: [app:db-service]", "depends_on: [db-service]");
        AppDescriptor d = AppDescriptor.parse(yaml, "app.yaml", List.of());
        assertThat(d.entries(ServiceEntry.class).get(1).lifecycle().requires()).containsExactly(EntryId.parse("app:db-service"));
    }

    @Test
    void entryIds_parseAndPrint() {
        assertThat(EntryId.parse("app.lib:helpers")).isEqualTo(new EntryId("app.lib", "helpers"));
        assertThat(EntryId.parse("relay", "app").toString()).isEqualTo("app:relay");
        assertThat(Optional.of(EntryKind.of("process.service"))).contains(Optional.of(EntryKind.SERVICE));
    }
}
