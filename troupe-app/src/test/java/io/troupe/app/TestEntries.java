package io.troupe.app;

import io.troupe.Troupe;

import java.util.List;

/** Process entry methods for the tests, one per allowed signature and a few that are not allowed. */
public final class TestEntries {
    private TestEntries() {
    }

    public static int withContext(AppContext ctx) {
        ctx.terminal().println("args=" + ctx.args() + " greeting=" + ctx.config("greeting", "none"));
        return ctx.args().size();
    }

    public static void withArgs(String... args) {
        if (args.length > 0 && args[0].equals("fail")) throw new IllegalStateException("asked to fail");
    }

    public static Integer noArgs() {
        return 7;
    }

    public static int echoLines(AppContext ctx) {
        Terminal term = ctx.terminal();
        int n = 0;
        for (String line = term.readLine(); line != null; line = term.readLine()) {
            term.println(line.toUpperCase());
            n++;
        }
        return n;
    }

    public static int blockUntilCancelled(AppContext ctx) {
        Troupe.register(ctx.args().isEmpty() ? "blocker" : ctx.args().getFirst());
        Troupe.events().receive();
        return 0;
    }

    /** What the service entries did, in order: "start:name", "cancelled:name". */
    public static final java.util.Queue<String> EVENTS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A service: registers as its first arg, and returns when cancelled. */
    public static int service(AppContext ctx) {
        String name = ctx.args().getFirst();
        Troupe.register(name);
        EVENTS.add("start:" + name);
        while (!(Troupe.events().receive() instanceof io.troupe.Cancel)) {
            Thread.onSpinWait();
        }
        EVENTS.add("cancelled:" + name);
        return 0;
    }

    /** A service that ignores cancel. */
    public static void stubborn(AppContext ctx) {
        Troupe.register(ctx.args().getFirst());
        while (true) {
            Troupe.receive();
        }
    }

    // ---- not allowed

    public static int twoParams(String a, String b) {
        return 0;
    }

    public static String returnsString() {
        return "";
    }

    public int notStatic() {
        return 0;
    }

    static int notPublic() {
        return 0;
    }

    public static List<String> overloaded(int x) {
        return List.of();
    }

    /** Registers as "echo" and answers each pid it is sent with a greeting naming its node. */
    public static void registeredEcho(AppContext ctx) {
        io.troupe.Troupe.register("echo");
        while (true) {
            if (io.troupe.Troupe.receive() instanceof io.troupe.Pid from) {
                io.troupe.Troupe.send(from, "echo from " + io.troupe.Troupe.self().node());
            }
        }
    }
}
