package io.troupe.app.internal;

import java.util.List;

/** What {@code troupe run} was asked to do. {@code exec} and {@code host} may be null. */
record RunOptions(String file, String exec, String host, List<String> overrides, List<String> args,
                  boolean verbose, boolean silent) {
    RunOptions {
        overrides = List.copyOf(overrides);
        args = List.copyOf(args);
    }
}
