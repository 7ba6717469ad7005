package io.troupe.internal;

/**
 * Finds the process the calling thread is running: a handler process through its worker, a
 * threaded process through a thread-local set for the life of its thread (not a cache: the
 * binding of a thread to its process).
 */
final class Current {
    private static final ThreadLocal<ThreadProcess> THREADED = new ThreadLocal<>();

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

    static void unbind() {
        THREADED.remove();
    }
}
