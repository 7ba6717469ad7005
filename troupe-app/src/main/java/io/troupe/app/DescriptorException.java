package io.troupe.app;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An app descriptor is invalid. It lists every problem found, not just the first: the whole
 * descriptor is checked before anything starts. The message has one problem per line, e.g.
 *
 * <pre>
 * app.yaml: app:relay-service: lifecycle.restart.initial_delay: '5x' is not a duration (e.g. 100ms, 5s, 1h30m)
 * app.yaml: app:cli: class: no class io.troupe.examples.Missing on the class path
 * </pre>
 */
public final class DescriptorException extends RuntimeException {
    private final transient List<Problem> problems;

    public DescriptorException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
        this.problems = List.copyOf(problems);
    }

    /** The problems: those of single entries in file order, then those between entries. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing wrong with a descriptor.
     *
     * @param file   the descriptor file as it was named, or {@code <command line>} for a bad override
     * @param entry  the entry ({@code ns:name}, or {@code entries[3]} if it has no valid name), or
     *               {@code null} for the top level
     * @param path   the field path inside the entry, e.g. {@code lifecycle.restart.jitter}, or
     *               {@code null} for the entry (or file) as a whole
     * @param reason what is wrong
     */
    public record Problem(String file, String entry, String path, String reason) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(file).append(": ");
            if (entry != null) out.append(entry).append(": ");
            if (path != null) out.append(path).append(": ");
            return out.append(reason).toString();
        }
    }
}
