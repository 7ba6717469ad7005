package io.troupe.internal;

/**
 * Finds the process the calling thread is running: a handler process through its worker, a
 * threaded process through a thread-local set for the life of its thread (not a cache: the
 * binding of a thread to its process).
 */
final class Current {
    private static final ThreadLocal<ProcessCell> THREADED = new ThreadLocal<>();

    private Current() {
    }

    /** The calling thread's process, or {@code null}. */
    static ProcessCell process() {
        if (Thread.currentThread() instanceof Worker worker) {
            return worker.current;
        }
        return THREADED.get();
    }

    static void bind(ThreadProcess process) {
        THREADED.set(process);
    }

    /**
     * Makes {@code process} the calling thread's process for a while (a handler process run inline
     * by a distribution reader thread); returns the previous binding for {@link #restore}.
     */
    static ProcessCell swap(ProcessCell process) {
        ProcessCell previous = THREADED.get();
        THREADED.set(process);
        return previous;
    }

    static void restore(ProcessCell previous) {
        if (previous == null) THREADED.remove(); else THREADED.set(previous);
    }

    static void unbind() {
        THREADED.remove();
    }
}
