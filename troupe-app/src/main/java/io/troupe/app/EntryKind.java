package io.troupe.app;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of entry an {@link AppDescriptor} may declare, by their YAML {@code kind}. */
public enum EntryKind {
    /** Code: a public static Java method; see {@link ProcessEntry}. */
    PROCESS("process"),
    /** A supervised, long-running instance of a process; see {@link ServiceEntry}. */
    SERVICE("process.service"),
    /** The console: runs one process at a time wired to stdin, stdout and stderr; see {@link TerminalHostEntry}. */
    TERMINAL_HOST("terminal.host"),
    /** The scheduler settings of the runtime; see {@link ProcessHostEntry}. */
    PROCESS_HOST("process.host");

    private final String yamlName;

    EntryKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in YAML, e.g. {@code process.service}. */
    public String yamlName() {
        return yamlName;
    }

    /** The kind called {@code yamlName} in YAML, if any. */
    public static Optional<EntryKind> of(String yamlName) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(yamlName)).findFirst();
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
