package io.troupe.examples.chat;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.RuntimeOptions;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.examples.chat.ChatEvent.ClientJoined;
import io.troupe.examples.chat.ChatEvent.ClientLeft;
import io.troupe.examples.chat.ChatEvent.Heard;
import io.troupe.examples.chat.ChatEvent.Spoke;
import io.troupe.examples.chat.ChatProtocol.ListSeats;
import io.troupe.examples.chat.ChatProtocol.Quit;
import io.troupe.examples.chat.ChatProtocol.Say;
import io.troupe.examples.chat.ChatProtocol.SeatInfo;
import io.troupe.examples.chat.ChatProtocol.Seats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario CL-13 (seed-systems.md §5.1): the multi-client chat of ConcurrentLua seed 000, with a
 * speaker saying "msg 1".."msg 10" 500 ms apart. The test is the observer the clients report to:
 * it runs as a root process and reads their {@link ChatEvent}s from its mailbox.
 */
class ChatTest {
    static final Duration INTERVAL = Duration.ofMillis(500);
    static final int LINES = 10;
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** One ConcurrentLua tick (10 ms) plus the scenario's ±150 ms tolerance. */
    static final Duration TICK_AND_TOLERANCE = Duration.ofMillis(160);

    TroupeRuntime runtime;
    ChatServer server;

    @BeforeEach
    void startServer() {
        runtime = TroupeRuntime.start(RuntimeOptions.defaults().withShutdownTimeout(Duration.ofSeconds(5)));
        server = ChatServer.start(runtime);
    }

    @AfterEach
    void stopServer() {
        runtime.close();
    }

    // ------------------------------------------------------------------ helpers

    /** Everything the clients reported, in arrival order; used only by the root process. */
    static final class Transcript {
        final List<ChatEvent> events = new ArrayList<>();

        /** Receives events until one matches; fails the test if none does within {@code timeout}. */
        <E extends ChatEvent> E await(Class<E> type, Predicate<E> match, Duration timeout) {
            for (ChatEvent seen : events) {
                if (type.isInstance(seen) && match.test(type.cast(seen))) return type.cast(seen);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long remaining = deadline - System.nanoTime();
                ChatEvent event = remaining > 0 ? Troupe.receive(ChatEvent.class, Duration.ofNanos(remaining)) : null;
                assertThat(event).as("a %s matching the scenario within %s; got %s", type.getSimpleName(), timeout, events)
                        .isNotNull();
                events.add(event);
                if (type.isInstance(event) && match.test(type.cast(event))) return type.cast(event);
            }
        }

        Pid joined(String client) {
            return await(ClientJoined.class, e -> e.client().equals(client), PATIENCE).seat();
        }

        Heard heard(String client, String text) {
            return await(Heard.class, e -> e.client().equals(client) && e.text().equals(text),
                    INTERVAL.multipliedBy(LINES).plus(PATIENCE));
        }

        void left(String client, Duration timeout) {
            await(ClientLeft.class, e -> e.client().equals(client), timeout);
        }

        /** Takes whatever else arrives within {@code window}. */
        void drain(Duration window) {
            for (ChatEvent e = Troupe.receive(ChatEvent.class, window); e != null; e = Troupe.receive(ChatEvent.class, window)) {
                events.add(e);
            }
        }

        List<Heard> heardBy(String client) {
            return events.stream().filter(e -> e instanceof Heard h && h.client().equals(client)).map(Heard.class::cast).toList();
        }

        List<String> linesHeardBy(String client) {
            return heardBy(client).stream().map(h -> h.from() + ": " + h.text()).toList();
        }

        Spoke spoke(String text) {
            return events.stream().filter(e -> e instanceof Spoke s && s.text().equals(text)).map(Spoke.class::cast)
                    .findFirst().orElseThrow();
        }
    }

    static List<String> lines(String from, int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(i -> from + ": msg " + i).toList();
    }

    /** The broadcaster's seat list, asked from outside the test's root process. */
    List<String> seatNames() throws Exception {
        return runtime.call(seats()).seats().stream().map(SeatInfo::name).toList();
    }

    static Callable<Seats> seats() {
        return () -> {
            Troupe.send(ChatProtocol.BROADCASTER, new ListSeats(Troupe.self()));
            Seats seats = Troupe.receive(Seats.class, PATIENCE);
            assertThat(seats).as("the broadcaster answers").isNotNull();
            return seats;
        };
    }

    <T> T asRoot(Callable<T> block) throws Exception {
        return runtime.call(block);
    }

    // ------------------------------------------------------------------ CL-13 acceptance 1-3

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyListenerHearsTheTenLinesInOrderOnTime() throws Exception {
        Transcript t = new Transcript();
        Pid speakerSeat = asRoot(() -> {
            Pid self = Troupe.self();
            Pid a = Troupe.spawn(new Listener("A", self));
            t.joined("A"); // A before B: the seat list below is in join order
            Pid b = Troupe.spawn(new Listener("B", self));
            t.joined("B");
            Troupe.spawn(new Speaker("S", LINES, INTERVAL, self));
            Pid seat = t.joined("S");

            // 3. three seats while all are joined
            assertThat(seats().call().seats()).extracting(SeatInfo::name).containsExactly("A", "B", "S");

            t.left("S", INTERVAL.multipliedBy(LINES).plus(PATIENCE));
            t.heard("A", "msg " + LINES);
            t.heard("B", "msg " + LINES);
            t.drain(Duration.ofMillis(200));
            Troupe.send(a, new Quit());
            Troupe.send(b, new Quit());
            t.left("A", PATIENCE);
            t.left("B", PATIENCE);
            return seat;
        });

        // 1. exactly ten lines each, in order, all from the speaker
        assertThat(t.linesHeardBy("A")).containsExactlyElementsOf(lines("S", 1, LINES));
        assertThat(t.linesHeardBy("B")).containsExactlyElementsOf(lines("S", 1, LINES));
        // ... and none reaches the speaker's own seat: the speaker never hears itself
        assertThat(t.linesHeardBy("S")).isEmpty();

        // 2. timing: the first line arrives within a tick plus tolerance; the ten span 4.5 s ± 0.5 s
        for (String listener : List.of("A", "B")) {
            List<Heard> heard = t.heardBy(listener);
            Duration latency = Duration.ofNanos(heard.getFirst().nanos() - t.spoke("msg 1").nanos());
            Duration span = Duration.ofNanos(heard.getLast().nanos() - heard.getFirst().nanos());
            assertThat(latency).as("%s: first line latency", listener).isLessThanOrEqualTo(TICK_AND_TOLERANCE);
            assertThat(span).as("%s: first to tenth", listener)
                    .isBetween(Duration.ofMillis(4_000), Duration.ofMillis(5_000));
        }

        // 3. after everyone left: the seats are gone from the list and dead
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seatNames()).isEmpty());
        assertThat(runtime.isAlive(speakerSeat)).isFalse();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(runtime.processCount()).isEqualTo(2));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theSpeakersSeatLeavesTheListWhenTheSpeakerLeaves() throws Exception {
        Transcript t = new Transcript();
        Pid[] seat = new Pid[1];
        asRoot(() -> {
            Pid self = Troupe.self();
            Troupe.spawn(new Listener("A", self));
            Troupe.spawn(new Listener("B", self));
            t.joined("A");
            t.joined("B");
            Troupe.spawn(new Speaker("S", 2, Duration.ofMillis(50), self));
            seat[0] = t.joined("S");
            assertThat(seats().call().seats()).hasSize(3);
            t.left("S", PATIENCE);
            return null;
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(seatNames()).containsExactly("A", "B");
            assertThat(runtime.isAlive(seat[0])).isFalse();
        });
    }

    // ------------------------------------------------------------------ CL-13 acceptance 4-6

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void leaversCrashedSeatsAndLateJoiners() throws Exception {
        Transcript t = new Transcript();
        Pid[] seatOfLeaver = new Pid[1];
        asRoot(() -> {
            Pid self = Troupe.self();
            Troupe.spawn(new Listener("leaver", self, 5));       // 4. leaves after message 5
            Pid crashed = Troupe.spawn(new Listener("crashed", self)); // 5. its seat crashes after message 3
            Pid steady = Troupe.spawn(new Listener("steady", self));
            seatOfLeaver[0] = t.joined("leaver");
            Pid crashedSeat = t.joined("crashed");
            t.joined("steady");
            Troupe.spawn(new Speaker("S", LINES, INTERVAL, self));
            t.joined("S");

            // 5. crash a seat: the broadcaster removes it through its monitor, within a tick or so
            t.heard("crashed", "msg 3");
            Troupe.exit(crashedSeat, ExitReason.of("crash"));
            await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(runtime.call(seats()).seats()).extracting(SeatInfo::name).doesNotContain("crashed"));
            assertThat(Troupe.isAlive(server.broadcaster())).isTrue();

            // 6. a late joiner, joined after message 3 and before message 4
            t.heard("steady", "msg 3");
            Pid late = Troupe.spawn(new Listener("late", self));
            ClientJoined lateJoined = t.await(ClientJoined.class, e -> e.client().equals("late"), PATIENCE);
            t.heard("steady", "msg 4");
            assertThat(lateJoined.nanos()).as("the late joiner joined before msg 4 was said")
                    .isLessThan(t.spoke("msg 4").nanos());

            // 4. the leaver's seat dies after message 5; what is sent to it reaches nobody
            t.left("leaver", INTERVAL.multipliedBy(LINES).plus(PATIENCE));
            await().atMost(PATIENCE).until(() -> !runtime.isAlive(seatOfLeaver[0]));
            Troupe.send(seatOfLeaver[0], new Say("ghost"));

            t.left("S", INTERVAL.multipliedBy(LINES).plus(PATIENCE));
            t.heard("steady", "msg " + LINES);
            t.heard("late", "msg " + LINES);
            t.drain(Duration.ofMillis(300));
            for (Pid client : List.of(crashed, steady, late)) Troupe.send(client, new Quit());
            return null;
        });

        assertThat(t.linesHeardBy("leaver")).as("4. the leaver").containsExactlyElementsOf(lines("S", 1, 5));
        assertThat(t.linesHeardBy("crashed")).as("5. the client of the crashed seat").containsExactlyElementsOf(lines("S", 1, 3));
        assertThat(t.linesHeardBy("steady")).as("5. the others keep receiving").containsExactlyElementsOf(lines("S", 1, LINES));
        assertThat(t.linesHeardBy("late")).as("6. no history").containsExactlyElementsOf(lines("S", 4, LINES));
        assertThat(t.events).noneMatch(e -> e instanceof Heard h && h.text().equals("ghost"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seatNames()).isEmpty());
    }

    // ------------------------------------------------------------------ the rest of the protocol

    @Test
    void noOneHearsTheirOwnLines() throws Exception {
        Transcript t = new Transcript();
        asRoot(() -> {
            Pid self = Troupe.self();
            Troupe.spawn(new Listener("X", self));
            Troupe.spawn(new Listener("Y", self));
            Pid seatX = t.joined("X");
            Pid seatY = t.joined("Y");
            Troupe.send(seatX, new Say("from X")); // as if X's client said it
            Troupe.send(seatY, new Say("from Y"));
            t.await(Heard.class, h -> h.text().equals("from X"), PATIENCE);
            t.await(Heard.class, h -> h.text().equals("from Y"), PATIENCE);
            t.drain(Duration.ofMillis(100));
            return null;
        });
        assertThat(t.linesHeardBy("X")).containsExactly("Y: from Y");
        assertThat(t.linesHeardBy("Y")).containsExactly("X: from X");
    }

    @Test
    void aClientThatDisappearsFreesItsSeat() throws Exception {
        Transcript t = new Transcript();
        Pid[] seatAndClient = asRoot(() -> {
            Pid client = Troupe.spawn(new Listener("gone", Troupe.self()));
            return new Pid[] {t.joined("gone"), client};
        });
        assertThat(seatNames()).containsExactly("gone");
        runtime.exit(seatAndClient[1], ExitReason.KILL);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(seatNames()).isEmpty();
            assertThat(runtime.isAlive(seatAndClient[0])).isFalse();
        });
    }

    @Test
    void theServerProcessesAreRegisteredAndLinked() throws Exception {
        assertThat(runtime.whereis(ChatProtocol.RECEPTIONIST)).contains(server.receptionist());
        assertThat(runtime.whereis(ChatProtocol.BROADCASTER)).contains(server.broadcaster());
        runtime.exit(server.broadcaster(), ExitReason.of("broken"));
        await().atMost(PATIENCE).until(() -> !runtime.isAlive(server.receptionist()));
        assertThat(runtime.registered()).doesNotContain(ChatProtocol.RECEPTIONIST, ChatProtocol.BROADCASTER);
    }
}
