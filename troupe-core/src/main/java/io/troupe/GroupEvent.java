package io.troupe;

/**
 * A change in a process group, delivered to processes that monitor the group
 * ({@link Groups#monitor(String)}).
 */
public sealed interface GroupEvent {
    String group();

    Pid pid();

    /** {@code pid} joined {@code group} (counted: a pid may join several times). */
    record Joined(String group, Pid pid) implements GroupEvent {
    }

    /** {@code pid} left {@code group} for the last time, or exited. */
    record Left(String group, Pid pid) implements GroupEvent {
    }
}
