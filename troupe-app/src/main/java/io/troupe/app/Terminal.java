package io.troupe.app;

import io.troupe.app.internal.StreamTerminal;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The console of a terminal host (Wippy's {@code io} module): line input from stdin, text output
 * to stdout and stderr. Every output call flushes, so a prompt written with {@link #print} shows
 * before the next {@link #readLine}. Methods may be called from any thread; output calls do not
 * interleave within one call.
 */
public interface Terminal {

    /**
     * Reads one line, without its line terminator, waiting for it.
     *
     * @return the line, or {@code null} at the end of input
     * @throws java.io.UncheckedIOException if reading fails
     */
    String readLine();

    /** Writes text to stdout (Wippy's {@code io.write}). */
    void print(String text);

    /** Writes a line to stdout (Wippy's {@code io.print}). */
    void println(String line);

    /** Writes a line to stderr (Wippy's {@code io.eprint}). */
    void eprintln(String line);

    /** The process's own stdin, stdout and stderr. */
    static Terminal system() {
        return new StreamTerminal(System.in, System.out, System.err);
    }

    /** A terminal over the given streams, e.g. pipes in a test. Output is not closed. */
    static Terminal of(InputStream in, PrintStream out, PrintStream err) {
        return new StreamTerminal(in, out, err);
    }
}
