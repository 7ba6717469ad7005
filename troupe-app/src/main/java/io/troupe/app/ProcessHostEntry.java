package io.troupe.app;

import java.util.Objects;

/**
 * A {@code kind: process.host} entry: the settings of the runtime's scheduler, which runs handler
 * processes (threaded processes run on virtual threads). A runtime has one scheduler, so a
 * descriptor may declare at most one process host.
 *
 * <pre>{@code
 * - name: processes
 *   kind: process.host
 *   host: { workers: 16, throughput: 64 }   # optional; defaults: one worker per processor, 64
 *   lifecycle: { auto_start: true }         # accepted for Wippy compatibility; hosts always start
 * }</pre>
 *
 * @param id         the entry id
 * @param workers    scheduler threads ({@link io.troupe.RuntimeOptions#schedulerThreads()}), at least 1
 * @param throughput messages a handler process handles before its worker moves on
 *                   ({@link io.troupe.RuntimeOptions#throughput()}), at least 1
 */
public record ProcessHostEntry(EntryId id, int workers, int throughput) implements Entry {

    public ProcessHostEntry {
        Objects.requireNonNull(id, "id");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
        if (throughput < 1) throw new IllegalArgumentException("throughput must be >= 1");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_HOST;
    }
}
