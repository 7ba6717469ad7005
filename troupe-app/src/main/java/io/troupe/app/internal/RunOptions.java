package io.troupe.app.internal;

import java.util.List;

/** What {@code troupe run} was asked to do. {@code exec}, {@code host}, {@code node} and {@code cookie} may be null. */
record RunOptions(String file, String exec, String host, List<String> overrides, List<String> args,
                  boolean verbose, boolean silent, String node, String cookie) {
    RunOptions {
        overrides = List.copyOf(overrides);
        args = List.copyOf(args);
    }
}
