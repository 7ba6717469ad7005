package io.troupe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** The output of a benchmark's child JVM, for the two-JVM suites (nodes, rpc). */
public final class ChildOutput {
    private ChildOutput() {
    }

    /**
     * Reads {@code process}'s output until it ends: a line {@code ready X} completes {@code ready}
     * with X; with {@code relay}, SAMPLE and ERROR lines go to stdout; the rest to stderr (the run
     * log). If the process ends first, {@code ready} fails.
     */
    public static void pump(Process process, CompletableFuture<String> ready, boolean relay) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (ready != null && line.startsWith("ready ")) ready.complete(line.substring(6).trim());
                if (relay && (line.startsWith("SAMPLE") || line.startsWith("ERROR"))) {
                    System.out.println(line);
                    System.out.flush();
                } else {
                    System.err.println("  | " + line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        if (ready != null) ready.completeExceptionally(new IllegalStateException("the child JVM exited before it was ready"));
    }
}
