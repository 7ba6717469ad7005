package io.troupe.examples.chat;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.examples.chat.ChatEvent.ClientJoined;
import io.troupe.examples.chat.ChatEvent.ClientLeft;
import io.troupe.examples.chat.ChatEvent.Heard;
import io.troupe.examples.chat.ChatEvent.JoinFailed;
import io.troupe.examples.chat.ChatEvent.Spoke;
import io.troupe.examples.chat.ChatProtocol.ListSeats;
import io.troupe.examples.chat.ChatProtocol.Quit;
import io.troupe.examples.chat.ChatProtocol.SeatInfo;
import io.troupe.examples.chat.ChatProtocol.Seats;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs the multi-client chat of ConcurrentLua seed 000 (scenario CL-13) in one runtime: the server
 * (receptionist and broadcaster), two listeners, {@code alice} and {@code bob}, and a speaker,
 * {@code carol}, who says {@code "msg 1"} .. {@code "msg 10"} 500 ms apart and leaves. It prints
 * who joined, each line as each listener received it, and who left; the exit status is 0 when
 * every listener heard every line, in order, from the speaker.
 */
public final class ChatMain {
    static final int LINES = 10;
    static final Duration INTERVAL = Duration.ofMillis(500);
    static final String SPEAKER = "carol";
    static final List<String> LISTENERS = List.of("alice", "bob");

    private ChatMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(System.out, INTERVAL);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Runs the conversation with {@code interval} between lines, printing it to {@code out}; returns the exit status. */
    public static int run(PrintStream out, Duration interval) throws Exception {
        try (TroupeRuntime runtime = TroupeRuntime.start()) {
            ChatServer server = ChatServer.start(runtime);
            out.printf("Troupe chat (ConcurrentLua seed 000): %s speaks %d lines, %s listen%n",
                    SPEAKER, LINES, String.join(" and ", LISTENERS));
            out.printf("server on %s: receptionist %s, broadcaster %s%n",
                    runtime.node(), server.receptionist(), server.broadcaster());
            return runtime.call(() -> new Narrator(out, interval).run());
        }
    }

    /** The root process: starts the clients and prints what they report. */
    private static final class Narrator {
        private final PrintStream out;
        private final Duration interval;
        private final long start = System.nanoTime();
        private final Map<String, List<String>> heard = new LinkedHashMap<>();
        private final Set<String> joined = new HashSet<>();
        private final Set<String> left = new HashSet<>();

        Narrator(PrintStream out, Duration interval) {
            this.out = out;
            this.interval = interval;
        }

        int run() {
            Pid self = Troupe.self();
            Map<String, Pid> listeners = new LinkedHashMap<>();
            for (String name : LISTENERS) {
                heard.put(name, new ArrayList<>());
                listeners.put(name, Troupe.spawn(new Listener(name, self)));
            }
            if (!await(() -> joined.containsAll(LISTENERS), Duration.ofSeconds(10))) return fail("the listeners did not join");

            Troupe.spawn(new Speaker(SPEAKER, LINES, interval, self));
            if (!await(() -> joined.contains(SPEAKER), Duration.ofSeconds(10))) return fail(SPEAKER + " did not join");
            printSeats();

            Duration conversation = interval.multipliedBy(LINES).plusSeconds(10);
            if (!await(() -> left.contains(SPEAKER) && everyoneHeardEverything(), conversation)) {
                return fail("the conversation did not complete");
            }
            listeners.values().forEach(pid -> Troupe.send(pid, new Quit()));
            if (!await(() -> left.containsAll(LISTENERS), Duration.ofSeconds(10))) return fail("the listeners did not leave");

            List<String> expected = expectedLines();
            boolean ok = true;
            for (var entry : heard.entrySet()) {
                boolean inOrder = entry.getValue().equals(expected);
                ok &= inOrder;
                out.printf("%s heard %d of %d lines%s%n", entry.getKey(), entry.getValue().size(), LINES,
                        inOrder ? ", in order, all from " + SPEAKER : " -- WRONG: " + entry.getValue());
            }
            out.println(ok ? "chat over" : "chat over, with errors");
            return ok ? 0 : 1;
        }

        private boolean everyoneHeardEverything() {
            return heard.values().stream().allMatch(lines -> lines.size() >= LINES);
        }

        private static List<String> expectedLines() {
            return IntStream.rangeClosed(1, LINES).mapToObj(i -> SPEAKER + ": msg " + i).toList();
        }

        /** Prints events as they come until {@code done} holds; false if {@code timeout} passes first. */
        private boolean await(java.util.function.BooleanSupplier done, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) return false;
                ChatEvent event = Troupe.receive(ChatEvent.class, Duration.ofNanos(remaining));
                if (event != null) print(event);
            }
            return true;
        }

        private void print(ChatEvent event) {
            String line = switch (event) {
                case ClientJoined(String client, Pid seat, long at) -> {
                    joined.add(client);
                    yield client + " joined (seat " + seat + ")";
                }
                case Spoke(String client, String text, long at) -> client + " says: " + text;
                case Heard(String client, String from, String text, long at) -> {
                    heard.get(client).add(from + ": " + text);
                    yield String.format("    %-6s <- %s: %s", client, from, text);
                }
                case ClientLeft(String client, long at) -> {
                    left.add(client);
                    yield client + " left";
                }
                case JoinFailed(String client, String why, long at) -> client + " could not join: " + why;
            };
            out.printf("[%7.3fs] %s%n", (event.nanos() - start) / 1e9, line);
        }

        private void printSeats() {
            Troupe.send(ChatProtocol.BROADCASTER, new ListSeats(Troupe.self()));
            Seats seats = Troupe.receive(Seats.class, Duration.ofSeconds(5));
            if (seats != null) {
                out.printf("%11s seats: %s%n", "",
                        seats.seats().stream().map(SeatInfo::name).collect(Collectors.joining(", ")));
            }
        }

        private int fail(String why) {
            out.println("FAILED: " + why);
            return 1;
        }
    }
}
