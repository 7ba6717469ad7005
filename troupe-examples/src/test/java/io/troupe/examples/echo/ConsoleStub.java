package io.troupe.examples.echo;

import io.troupe.app.Terminal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A {@link Terminal} for in-process tests: {@link #type} feeds lines to {@code readLine}, output
 * lines are collected (the prompt {@code "> "} is stripped from the front of the next line) and can
 * be awaited.
 */
final class ConsoleStub implements Terminal {
    private static final Optional<String> EOF = Optional.empty();

    private final BlockingQueue<Optional<String>> input = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final StringBuilder partial = new StringBuilder();

    void type(String line) {
        input.add(Optional.of(line));
    }

    void endInput() {
        input.add(EOF);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The next output line that matches, skipping others; fails after {@code timeout}. */
    String await(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) { // ends: at the deadline, or on a match
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : fresh.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) throw new AssertionError("no matching line within " + timeout + "; output: " + lines);
            if (matching.test(line)) return line;
        }
    }

    @Override
    public String readLine() {
        try {
            return input.take().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void print(String text) {
        lock.lock();
        try {
            partial.append(text);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void println(String line) {
        lock.lock();
        try {
            String text = partial.append(line).toString();
            partial.setLength(0);
            while (text.startsWith("> ")) text = text.substring(2);
            for (String each : text.split("\n", -1)) {
                lines.add(each);
                fresh.add(each);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void eprintln(String line) {
        println(line);
    }
}
