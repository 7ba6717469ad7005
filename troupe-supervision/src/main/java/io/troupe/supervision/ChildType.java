package io.troupe.supervision;

/** Whether a child is a worker or a supervisor itself; reported by {@link Supervisor#whichChildren()}. */
public enum ChildType {
    /** Any process that is not a supervisor. */
    WORKER,
    /** A nested supervisor. */
    SUPERVISOR
}
