package io.troupe.examples.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code troupe} command in a separate JVM: {@code java -cp <this test's class path>
 * io.troupe.app.Main run <yaml> ...}, with pipes to its stdin, stdout and stderr. Stdout is read
 * line by line with arrival times; the prompt {@code "> "} (written without a newline) is stripped
 * from the front of the line that follows it.
 */
final class TroupeCli implements AutoCloseable {
    /** One stdout line and when it arrived ({@link System#nanoTime()}). */
    record Line(String text, long nanos) {
    }

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<Line> seen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private TroupeCli(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.outReader = Thread.ofPlatform().daemon().start(() -> pump(process.inputReader(StandardCharsets.UTF_8), true));
        this.errReader = Thread.ofPlatform().daemon().start(() -> pump(process.errorReader(StandardCharsets.UTF_8), false));
    }

    static Path echoYaml() {
        try {
            return Path.of(TroupeCli.class.getResource("/echo/app.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code troupe <args>}. */
    static TroupeCli start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                "io.troupe.app.Main"));
        command.addAll(List.of(args));
        return new TroupeCli(new ProcessBuilder(command).start());
    }

    /** Writes a line to stdin and returns when it was written. */
    long send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return System.nanoTime();
    }

    void closeInput() throws IOException {
        stdin.close();
    }

    /** The next stdout line that matches, skipping others; fails after {@code timeout}. */
    Line awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) { // ends: at the deadline, or on a match
            long left = deadline - System.nanoTime();
            Line line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) throw new AssertionError("no matching line within " + timeout + "; stdout so far: " + stdout()
                    + "\nstderr: " + stderr);
            if (matching.test(line.text())) return line;
        }
    }

    /** Waits for the command to exit; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("troupe did not exit within " + timeout + "; stdout: " + stdout() + "\nstderr: " + stderr);
        }
        outReader.join(timeout.toMillis());
        errReader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** Every stdout line so far, prompts stripped. */
    List<String> stdout() {
        synchronized (seen) {
            return seen.stream().map(Line::text).toList();
        }
    }

    String stderr() {
        return stderr.toString();
    }

    private void pump(BufferedReader reader, boolean out) {
        try (reader) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (!out) {
                    stderr.append(text).append('\n');
                    continue;
                }
                while (text.startsWith("> ")) text = text.substring(2);
                Line line = new Line(text, System.nanoTime());
                synchronized (seen) {
                    seen.add(line);
                }
                lines.add(line);
            }
        } catch (IOException closedByClose) {
            // the process was destroyed under us: nothing more to read
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
