package io.troupe.app;

import io.troupe.app.internal.DescriptorReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app descriptor: the Java counterpart of Wippy's {@code _index.yaml}, a list of entries that
 * name code, services and hosts. Loaded from YAML and checked as a whole before anything starts.
 *
 * <pre>{@code
 * version: "1.0"                  # optional
 * namespace: app                  # required; entry ids are app:<name>
 * entries:
 *   - name: processes
 *     kind: process.host
 *     host: { workers: 4 }
 *   - name: terminal
 *     kind: terminal.host
 *   - name: relay
 *     kind: process
 *     class: io.troupe.examples.echo.Relay
 *   - name: relay-service
 *     kind: process.service
 *     process: app:relay
 *     lifecycle: { auto_start: true, restart: { initial_delay: 1s } }
 *   - name: cli
 *     kind: process
 *     class: io.troupe.examples.echo.EchoClient
 * }</pre>
 *
 * <p>See {@link ProcessEntry}, {@link ServiceEntry}, {@link TerminalHostEntry},
 * {@link ProcessHostEntry} and {@link Lifecycle} for the fields of each kind. Durations are strings
 * such as {@code 100ms}, {@code 5s}, {@code 1h30m} ({@link Durations}).
 *
 * <h2>What is checked</h2>
 * Unknown kinds and unknown fields (except inside {@code config}), missing required fields,
 * duplicate entry names (and duplicate keys), wrong value types, bad durations and out-of-range
 * numbers, references to missing entries or entries of the wrong kind ({@code process},
 * {@code host}, {@code requires}), cycles in {@code requires}, more than one {@code process.host},
 * and for every process entry: that its class is on the class path and has a public static method
 * with an allowed signature. All problems are reported together in a {@link DescriptorException}.
 *
 * <h2>Overrides</h2>
 * An override {@code ns:entry.field.path=value} (also {@code entry.field.path=value} for the
 * descriptor's own namespace, and Wippy's {@code ns:entry:field.path=value}) sets one field before
 * the descriptor is checked, creating the maps on the path as needed. The value is read as a YAML
 * value: {@code false}, {@code 3s}, {@code [a, b]}, {@code {delay: 3s}}.
 *
 * @param file      where it was loaded from, as named (used in problem reports)
 * @param version   the {@code version} field, or empty
 * @param namespace the namespace of every entry
 * @param entries   the entries, in file order
 */
public record AppDescriptor(String file, String version, String namespace, List<Entry> entries) {

    public AppDescriptor {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(namespace, "namespace");
        entries = List.copyOf(entries);
    }

    /**
     * Reads, overrides and checks a descriptor file. Classes are looked up through the calling
     * thread's context class loader.
     *
     * @param overrides {@code ns:entry.field.path=value} strings, applied in order
     * @throws DescriptorException listing every problem, if it is invalid or cannot be read
     */
    public static AppDescriptor load(Path file, List<String> overrides) {
        return DescriptorReader.load(file, overrides);
    }

    /** Like {@link #load} for YAML text; {@code fileName} is used in problem reports. */
    public static AppDescriptor parse(String yaml, String fileName, List<String> overrides) {
        return DescriptorReader.parse(yaml, fileName, overrides);
    }

    /** The entry with that id, if any. */
    public Optional<Entry> entry(EntryId id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** The entry with that id, or with that name in this namespace; see {@link EntryId#parse(String, String)}. */
    public Optional<Entry> entry(String id) {
        return entry(EntryId.parse(id, namespace));
    }

    /** The entries of one kind, in file order. */
    public <T extends Entry> List<T> entries(Class<T> kind) {
        return entries.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
