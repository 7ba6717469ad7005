package io.troupe.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code kind: process.service} entry: a supervised, long-running instance of a
 * {@link ProcessEntry}, restarted with backoff when it fails (Wippy's {@code process.service}).
 *
 * <pre>{@code
 * - name: relay-service
 *   kind: process.service
 *   process: app:relay            # required: a process entry
 *   host: app:processes           # optional: a process.host entry
 *   input: [a, b]                 # optional: replaces the process's args
 *   lifecycle:
 *     auto_start: true
 *     requires: [app:database]    # services started before this one and stopped after it
 *     restart: { initial_delay: 1s, max_attempts: 5 }
 * }</pre>
 *
 * @param id        the entry id
 * @param process   the process entry it runs
 * @param host      the process host it runs on, if named (there is one scheduler per runtime)
 * @param input     the arguments, or empty to use the process's own {@code args}
 * @param lifecycle start, stop and restart settings
 */
public record ServiceEntry(EntryId id, EntryId process, Optional<EntryId> host, List<String> input, Lifecycle lifecycle)
        implements Entry {

    public ServiceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lifecycle, "lifecycle");
        input = List.copyOf(input);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SERVICE;
    }

    /** A copy with other lifecycle settings. */
    public ServiceEntry withLifecycle(Lifecycle lifecycle) {
        return new ServiceEntry(id, process, host, input, lifecycle);
    }
}
