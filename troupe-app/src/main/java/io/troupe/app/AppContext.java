package io.troupe.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a process entry's {@code main(AppContext ctx)} receives: its arguments, its settings and,
 * on a terminal host, the console. Everything else a process does is in {@link io.troupe.Troupe}.
 *
 * <pre>{@code
 * public static int main(AppContext ctx) {
 *     Duration delay = ctx.configDuration("delay", Duration.ofMillis(100));
 *     Terminal term = ctx.terminal();
 *     term.println("hello " + ctx.args());
 *     return 0;
 * }
 * }</pre>
 *
 * <p>A context belongs to one run of one process; it is immutable except for the terminal's
 * streams, and may be read from the process's coroutines.
 */
public interface AppContext {

    /** The process entry being run. */
    EntryId entry();

    /**
     * The arguments: the arguments after {@code --} on the command line for {@code -x}, a
     * service's {@code input}, or else the entry's own {@code args}.
     */
    List<String> args();

    /** The entry's {@code config} map (values as text). */
    Map<String, String> config();

    /** One {@code config} value, or {@code defaultValue} if it is not set. */
    default String config(String key, String defaultValue) {
        return config().getOrDefault(key, defaultValue);
    }

    /**
     * One {@code config} value read as a duration ({@link Durations}), or {@code defaultValue}.
     *
     * @throws IllegalArgumentException naming the entry and key, if the value is not a duration
     */
    default Duration configDuration(String key, Duration defaultValue) {
        String text = config().get(key);
        if (text == null) return defaultValue;
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry() + ": config." + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The console, when the process runs on a terminal host ({@code troupe run -x}).
     *
     * @throws IllegalStateException if the process does not run on a terminal host
     */
    Terminal terminal();
}
