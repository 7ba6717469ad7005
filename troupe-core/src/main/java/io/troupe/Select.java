package io.troupe;

import io.troupe.internal.Selector;

/**
 * Waits for the first of several channel operations, as Go's and Wippy's {@code select}.
 *
 * <pre>{@code
 * Timer timeout = Time.after(Duration.ofSeconds(2));
 * Selection s = Select.select(Troupe.inbox().onReceive(), timeout.onReceive());
 * if (s.is(timeout.channel())) System.out.println("timeout");
 * else handle(s.value());
 * }</pre>
 *
 * <p>Exactly one case fires. When several are ready, the one that fires is chosen uniformly at
 * random, so no case can starve another. Cases on the calling process's mailbox
 * ({@link Troupe#inbox()}, {@link Troupe#events()}, {@link Troupe#listen}) may be mixed freely with
 * channel cases; only the owning process may select on its mailbox.
 */
public final class Select {
    private Select() {
    }

    /** Waits until one case can proceed, performs it, and reports which. */
    public static Selection select(SelectCase<?>... cases) {
        return Selector.select(cases, false);
    }

    /**
     * Performs one case that can proceed at once, or returns a default {@link Selection} (see
     * {@link Selection#isDefault()}) without waiting.
     */
    public static Selection trySelect(SelectCase<?>... cases) {
        return Selector.select(cases, true);
    }
}
