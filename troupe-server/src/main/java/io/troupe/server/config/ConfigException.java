package io.troupe.server.config;

import java.nio.file.Path;

/**
 * A configuration file is missing, unreadable, malformed or inconsistent. The message names the
 * file, the place in it ({@link #location()}: a JSON path such as
 * {@code $.production.connector[1].port}, or {@code line 3, column 7} for malformed JSON; empty
 * when the whole file is concerned) and what was expected there.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    ConfigException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    ConfigException(Path file, String location, String problem, Throwable cause) {
        super(file + (location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.file = file;
        this.location = location;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** Where in the file: a JSON path, a line and column, or empty for the whole file. */
    public String location() {
        return location;
    }
}
