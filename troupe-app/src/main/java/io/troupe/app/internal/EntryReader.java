package io.troupe.app.internal;

import io.troupe.RuntimeOptions;
import io.troupe.app.Entry;
import io.troupe.app.EntryId;
import io.troupe.app.EntryKind;
import io.troupe.app.Lifecycle;
import io.troupe.app.ProcessEntry;
import io.troupe.app.ProcessHostEntry;
import io.troupe.app.RestartSettings;
import io.troupe.app.ServiceEntry;
import io.troupe.app.TerminalHostEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the {@code entries:} list into entry records, field by field, recording every problem. */
final class EntryReader {
    private final Problems problems;
    private final String namespace;
    /**
     * Every entry with a valid name, with its kind (null if the kind was missing or unknown), even if
     * its fields had problems: references to it are not reported again.
     */
    private final Map<EntryId, EntryKind> declared = new LinkedHashMap<>();

    EntryReader(Problems problems, String namespace) {
        this.problems = problems;
        this.namespace = namespace;
    }

    Map<EntryId, EntryKind> declared() {
        return declared;
    }

    List<Entry> readAll(JsonNode list) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String position = "entries[" + i + "]";
            if (!(list.get(i) instanceof ObjectNode node)) {
                problems.add(position, null, "expected a map with name and kind, found " + Fields.describe(list.get(i)));
                continue;
            }
            Fields probe = new Fields(node, problems, position, "");
            Optional<String> name = probe.string("name");
            EntryId id = null;
            if (name.isPresent()) {
                try {
                    id = new EntryId(namespace, name.get());
                } catch (IllegalArgumentException e) {
                    probe.problem("name", e.getMessage());
                }
            }
            if (id != null && seen.putIfAbsent(id.name(), i) != null) {
                problems.add(id.toString(), "name", "duplicate name '" + id.name() + "' (entries[" + seen.get(id.name())
                        + "] and " + position + ")");
                continue;
            }
            if (id != null) declared.put(id, null);
            String label = id == null ? position : id.toString();
            Fields fields = new Fields(node, problems, label, "");
            fields.raw("name");
            Optional<String> kindName = fields.string("kind");
            if (kindName.isEmpty()) continue;
            Optional<EntryKind> kind = EntryKind.of(kindName.get());
            if (kind.isEmpty()) {
                fields.problem("kind", "unknown kind '" + kindName.get() + "' (known: "
                        + Arrays.stream(EntryKind.values()).map(EntryKind::yamlName).collect(Collectors.joining(", ")) + ")");
                continue;
            }
            if (id == null) continue;
            declared.put(id, kind.get());
            Entry entry = switch (kind.get()) {
                case PROCESS -> process(id, fields);
                case SERVICE -> service(id, fields);
                case TERMINAL_HOST -> terminalHost(id, fields);
                case PROCESS_HOST -> processHost(id, fields);
            };
            fields.rejectUnknown();
            if (entry != null) entries.add(entry);
        }
        return entries;
    }

    private ProcessEntry process(EntryId id, Fields f) {
        Optional<String> className = f.string("class");
        String method = f.optionalString("method").orElse("main");
        List<String> args = f.strings("args");
        Map<String, String> config = f.scalarMap("config");
        return className.map(c -> new ProcessEntry(id, c, method, args, config)).orElse(null);
    }

    private ServiceEntry service(EntryId id, Fields f) {
        Optional<EntryId> process = f.string("process").flatMap(text -> reference(f, "process", text));
        Optional<EntryId> host = f.optionalString("host").flatMap(text -> reference(f, "host", text));
        List<String> input = f.strings("input");
        Lifecycle lifecycle = lifecycle(f.object("lifecycle"));
        return process.map(p -> new ServiceEntry(id, p, host, input, lifecycle)).orElse(null);
    }

    private Lifecycle lifecycle(Fields f) {
        Lifecycle d = Lifecycle.defaults();
        boolean autoStart = f.bool("auto_start", d.autoStart());
        Duration startTimeout = positive(f, "start_timeout", d.startTimeout());
        Duration stopTimeout = positive(f, "stop_timeout", d.stopTimeout());
        Duration stable = positive(f, "stable_threshold", d.stableThreshold());
        String requiresField = f.has("requires") || !f.has("depends_on") ? "requires" : "depends_on";
        if (f.has("requires") && f.has("depends_on")) f.problem("depends_on", "give requires or its alias depends_on, not both");
        f.raw("depends_on");
        List<EntryId> requires = new ArrayList<>();
        for (String text : f.strings(requiresField)) reference(f, requiresField, text).ifPresent(requires::add);
        RestartSettings restart = restart(f.object("restart"));
        f.rejectUnknown();
        return new Lifecycle(autoStart, startTimeout, stopTimeout, stable, requires, restart);
    }

    private static Duration positive(Fields f, String name, Duration defaultValue) {
        Duration value = f.duration(name, defaultValue);
        if (!value.isZero()) return value;
        f.problem(name, "must be more than 0");
        return defaultValue;
    }

    private RestartSettings restart(Fields f) {
        RestartSettings d = RestartSettings.defaults();
        Duration initial = f.duration("initial_delay", d.initialDelay());
        Duration max = f.duration("max_delay", d.maxDelay());
        double factor = f.decimal("backoff_factor", d.backoffFactor(), 1.0, Double.MAX_VALUE);
        double jitter = f.decimal("jitter", d.jitter(), 0.0, 1.0);
        int attempts = f.integer("max_attempts", d.maxAttempts(), 0);
        f.rejectUnknown();
        if (max.compareTo(initial) < 0) {
            f.problem("max_delay", "must be at least initial_delay (" + io.troupe.app.Durations.format(initial) + ")");
            max = initial;
        }
        return new RestartSettings(initial, max, factor, jitter, attempts);
    }

    private TerminalHostEntry terminalHost(EntryId id, Fields f) {
        boolean hideLogs = f.bool("hide_logs", true);
        hostLifecycle(f);
        return new TerminalHostEntry(id, hideLogs);
    }

    private ProcessHostEntry processHost(EntryId id, Fields f) {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        Fields host = f.object("host");
        int workers = host.integer("workers", defaults.schedulerThreads(), 1);
        int throughput = host.integer("throughput", defaults.throughput(), 1);
        host.rejectUnknown();
        hostLifecycle(f);
        return new ProcessHostEntry(id, workers, throughput);
    }

    /** Hosts accept Wippy's {@code lifecycle: {auto_start: ...}}; they always start. */
    private static void hostLifecycle(Fields f) {
        Fields lifecycle = f.object("lifecycle");
        lifecycle.bool("auto_start", true);
        lifecycle.rejectUnknown();
    }

    private Optional<EntryId> reference(Fields f, String field, String text) {
        try {
            return Optional.of(EntryId.parse(text, namespace));
        } catch (IllegalArgumentException e) {
            f.problem(field, "'" + text + "' is not an entry id: " + e.getMessage());
            return Optional.empty();
        }
    }
}
