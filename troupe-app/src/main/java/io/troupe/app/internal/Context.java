package io.troupe.app.internal;

import io.troupe.app.AppContext;
import io.troupe.app.EntryId;
import io.troupe.app.Terminal;

import java.util.List;
import java.util.Map;

/** The {@link AppContext} of one run of a process entry; {@code terminal} is null off a terminal host. */
record Context(EntryId entry, List<String> args, Map<String, String> config, Terminal terminalOrNull)
        implements AppContext {

    Context {
        args = List.copyOf(args);
        config = Map.copyOf(config);
    }

    @Override
    public Terminal terminal() {
        if (terminalOrNull == null) throw new IllegalStateException(entry + " does not run on a terminal host");
        return terminalOrNull;
    }
}
