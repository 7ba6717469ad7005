package io.troupe;

import java.util.Set;

/**
 * The result of {@link Groups#monitor(String)}: the members at the moment monitoring began and a
 * reference to stop it. Every later change arrives as a {@link GroupEvent}, so the snapshot plus
 * the events is exact.
 */
public record GroupMonitor(Ref ref, Set<Pid> members) {
}
