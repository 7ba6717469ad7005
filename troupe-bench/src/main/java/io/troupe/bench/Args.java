package io.troupe.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} pairs of the benchmark mains and drivers. */
public final class Args {
    private Args() {
    }

    /** The pairs by name (without the leading dashes); a trailing name without value is ignored. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) pairs.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return pairs;
    }
}
