package io.troupe.app.internal;

import io.troupe.app.DescriptorException;
import io.troupe.app.DescriptorException.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the problems of one descriptor, so that all of them are reported at once. */
final class Problems {
    static final String COMMAND_LINE = "<command line>";

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    /** "entry name|field path" of each override → the override as written, to say where a bad value came from. */
    private final Map<String, String> overridden = new HashMap<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String entry, String path, String reason) {
        String override = entry == null || path == null ? null : overridden.get(key(entry, path));
        problems.add(new Problem(file, entry, path, override == null ? reason : reason + " (set by -o " + override + ")"));
    }

    void addOnCommandLine(String reason) {
        problems.add(new Problem(COMMAND_LINE, null, null, reason));
    }

    void noteOverride(String entry, String path, String override) {
        overridden.put(key(entry, path), override);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) throw new DescriptorException(problems);
    }

    private static String key(String entry, String path) {
        return entry + "|" + path;
    }
}
