package io.troupe.examples.pinuschat.cli;

import io.troupe.server.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs {@code troupe start|list|stop} in this JVM, on a given app directory and cookie. */
final class Cli {
    private final ChatAppDir app;
    private final String cookie;

    Cli(ChatAppDir app, String cookie) {
        // the command logs at INFO (start) through its own logback file, unless told otherwise: quiet tests
        if (System.getProperty("troupe.log.level") == null) System.setProperty("troupe.log.level", "WARN");
        this.app = app;
        this.cookie = cookie;
    }

    record Result(int code, String out, String err) {
    }

    /** A running {@code troupe start}: its output so far and its exit code once it returns. */
    record Started(ByteArrayOutputStream out, ByteArrayOutputStream err, CompletableFuture<Integer> code) {
        String output() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    Result run(String command, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args(command, options), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Started start(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread.ofPlatform().name("troupe-start").start(() -> {
            try {
                code.complete(Main.execute(args("start", options), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
            } catch (Throwable t) {
                code.completeExceptionally(t);
            }
        });
        return new Started(out, err, code);
    }

    private String[] args(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "-d", app.dir().toString(), "-e", app.environment(), "--cookie", cookie));
        args.addAll(Arrays.asList(options));
        return args.toArray(String[]::new);
    }
}
