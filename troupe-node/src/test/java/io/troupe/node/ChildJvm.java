package io.troupe.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A node in a JVM of its own (running {@link ChildNode}), driven through stdin and read through stdout. */
@SuppressWarnings("try")
final class ChildJvm implements AutoCloseable {
    final String node;
    private final Process process;
    private final PrintWriter commands;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(String node, Process process) {
        this.node = node;
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static ChildJvm start(String node, String cookie, Path discovery, Duration failureDetection) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        if (Runtime.version().feature() >= 23) command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("-Dtroupe.test.log=WARN");
        command.add(ChildNode.class.getName());
        command.add(node);
        command.add(cookie);
        command.add(discovery.toString());
        command.add(Long.toString(failureDetection.toMillis()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildJvm child = new ChildJvm(node, process);
        child.awaitLine("ready " + node, Duration.ofSeconds(30));
        return child;
    }

    void send(String command) {
        commands.println(command);
    }

    /** Waits for a line that starts with {@code prefix}; returns it. */
    String awaitLine(String prefix, Duration timeout) {
        return awaitLine(line -> line.startsWith(prefix), timeout);
    }

    String awaitLine(Predicate<String> match, Duration timeout) {
        await().atMost(timeout).until(() -> !process.isAlive() && lines.stream().noneMatch(match) || lines.stream().anyMatch(match));
        return lines.stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("node " + node + " exited without the expected line; it printed " + lines));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    long pid() {
        return process.pid();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    @SuppressWarnings("try")
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            send("close");
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
        }
    }
}
