package io.troupe.app.internal;

import io.troupe.app.AppDescriptor;
import io.troupe.app.Entry;
import io.troupe.app.EntryId;
import io.troupe.app.EntryKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads an {@link AppDescriptor}: YAML text → tree → overrides → entries → cross-entry checks.
 * Every stage records its problems in one {@link Problems} and the next stage runs if it can, so a
 * single report lists everything wrong. Nothing here logs or initialises user classes.
 */
public final class DescriptorReader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DescriptorReader() {
    }

    public static AppDescriptor load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return fail(file.toString(), "no such file");
        } catch (IOException | RuntimeException e) {
            return fail(file.toString(), "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString(), overrides);
    }

    public static AppDescriptor parse(String yaml, String fileName, List<String> overrides) {
        Problems problems = new Problems(fileName);
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            return fail(fileName, "not valid YAML: " + e.getOriginalMessage() + location(e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) return fail(fileName, "empty descriptor");
        if (!(tree instanceof ObjectNode root)) return fail(fileName, "expected a map with namespace and entries at the top");

        Overrides.apply(root, overrides, problems, YAML);

        Fields top = new Fields(root, problems, null, "");
        String version = top.optionalString("version").orElse("");
        String namespace = top.string("namespace").orElse("");
        if (!namespace.isEmpty() && !namespace.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]*")) {
            top.problem("namespace", "'" + namespace + "' is not a namespace (letters, digits, _ - .)");
            namespace = "";
        }
        List<Entry> entries = new ArrayList<>();
        Map<EntryId, EntryKind> declared = Map.of();
        JsonNode list = root.get("entries");
        top.raw("entries");
        if (list == null || list.isNull()) {
            top.problem("entries", "missing field");
        } else if (!list.isArray()) {
            top.problem("entries", "expected a list of entries, found " + Fields.describe(list));
        } else if (!namespace.isEmpty()) {
            EntryReader reader = new EntryReader(problems, namespace);
            entries = reader.readAll(list);
            declared = reader.declared();
        }
        top.rejectUnknown();
        new References(problems, entries, declared, Thread.currentThread().getContextClassLoader()).check();
        problems.throwIfAny();
        return new AppDescriptor(fileName, version, namespace, entries);
    }

    private static AppDescriptor fail(String file, String reason) {
        Problems problems = new Problems(file);
        problems.add(null, null, reason);
        problems.throwIfAny();
        throw new AssertionError("unreachable");
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
