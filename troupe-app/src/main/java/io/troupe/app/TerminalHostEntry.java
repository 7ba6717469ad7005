package io.troupe.app;

import java.util.Objects;

/**
 * A {@code kind: terminal.host} entry: the console. It runs one process at a time, wired to
 * stdin, stdout and stderr through {@link Terminal}; {@code troupe run app.yaml -x ns:name} runs a
 * process on it. If a descriptor declares none, {@code -x} uses a default one with
 * {@code hide_logs: true}.
 *
 * <pre>{@code
 * - name: terminal
 *   kind: terminal.host
 *   hide_logs: true               # optional, default true: logs are off while -x runs (unless -v)
 *   lifecycle: { auto_start: true }   # accepted for Wippy compatibility; hosts always start
 * }</pre>
 *
 * @param id       the entry id
 * @param hideLogs whether the log is silenced while a process owns the console. Unlike Wippy
 *                 (default {@code false}, plus a separate silent mode for {@code -x}), Troupe folds
 *                 the two: the default {@code true} is Wippy's {@code -x} behaviour
 */
public record TerminalHostEntry(EntryId id, boolean hideLogs) implements Entry {

    public TerminalHostEntry {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.TERMINAL_HOST;
    }
}
