package io.troupe.app.internal;

import io.troupe.app.AppDescriptor;
import io.troupe.app.Entry;
import io.troupe.app.EntryId;
import io.troupe.app.ProcessEntry;
import io.troupe.app.TerminalHostEntry;

/** The process {@code -x} runs and the terminal host it runs on. */
record ExecTarget(EntryId process, EntryId host, boolean hideLogs) {

    /**
     * Resolves {@code -x ENTRY} (also Wippy's {@code host/entry}) and {@code --host}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static ExecTarget resolve(AppDescriptor descriptor, String exec, String hostOption) {
        String entryText = exec;
        String hostText = hostOption;
        int slash = exec.indexOf('/');
        if (slash >= 0) {
            if (hostOption != null) throw new IllegalArgumentException("-x " + exec + " names a host; drop --host or the host/ part");
            hostText = exec.substring(0, slash);
            entryText = exec.substring(slash + 1);
        }
        EntryId process = id(descriptor, entryText, "-x");
        Entry entry = descriptor.entry(process)
                .orElseThrow(() -> new IllegalArgumentException("-x " + exec + ": no entry " + process));
        if (!(entry instanceof ProcessEntry)) {
            throw new IllegalArgumentException("-x " + exec + ": " + process + " is a " + entry.kind() + ", not a process");
        }
        TerminalHostEntry host;
        if (hostText == null) {
            host = AppRuntime.defaultTerminalHost(descriptor);
        } else {
            EntryId hostId = id(descriptor, hostText, "--host");
            if (!(descriptor.entry(hostId).orElse(null) instanceof TerminalHostEntry declared)) {
                throw new IllegalArgumentException(hostText + ": no terminal.host entry " + hostId);
            }
            host = declared;
        }
        return new ExecTarget(process, host.id(), host.hideLogs());
    }

    private static EntryId id(AppDescriptor descriptor, String text, String option) {
        try {
            return EntryId.parse(text, descriptor.namespace());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": " + e.getMessage());
        }
    }
}
