package io.troupe.app.internal;

import io.troupe.app.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link Terminal} over streams. Locks are {@link ReentrantLock}s: callers are virtual threads. */
public final class StreamTerminal implements Terminal {
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();

    public StreamTerminal(InputStream in, PrintStream out, PrintStream err) {
        this.in = new BufferedReader(new InputStreamReader(in, inputCharset()));
        this.out = out;
        this.err = err;
    }

    @Override
    public String readLine() {
        readLock.lock();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void print(String text) {
        write(out, text, false);
    }

    @Override
    public void println(String line) {
        write(out, line, true);
    }

    @Override
    public void eprintln(String line) {
        write(err, line, true);
    }

    private void write(PrintStream stream, String text, boolean newline) {
        writeLock.lock();
        try {
            if (newline) stream.println(text);
            else stream.print(text);
            stream.flush();
        } finally {
            writeLock.unlock();
        }
    }

    private static Charset inputCharset() {
        String name = System.getProperty("stdin.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
