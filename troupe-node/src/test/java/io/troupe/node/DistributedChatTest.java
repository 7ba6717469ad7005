package io.troupe.node;

import io.troupe.Down;
import io.troupe.Handler;
import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seed 000's chat (CL-13, distributed variant): the server on one node, each client on its own. */
class DistributedChatTest {
    record Join(Pid client, String name) { }
    record Joined(Pid seat) { }
    record Say(String text) { }
    record SayFrom(Pid seat, String from, String text) { }
    record Said(String from, String text) { }
    record Leave() { }
    record Add(Pid seat) { }
    record Remove(Pid seat) { }
    record CountSeats(Pid replyTo) { }
    record Seats(int count) { }

    static final Class<?>[] TYPES = {Join.class, Joined.class, Say.class, SayFrom.class, Said.class, Leave.class,
            Add.class, Remove.class, CountSeats.class, Seats.class};

    /** Keeps the seats; forwards what one says to every other seat. */
    static final class Broadcaster implements Handler {
        private final List<Pid> seats = new ArrayList<>();

        @Override
        public void handle(Object message) {
            switch (message) {
                case Add(Pid seat) -> {
                    seats.add(seat);
                    Troupe.monitor(seat);
                }
                case Remove(Pid seat) -> seats.remove(seat);
                case Down down -> seats.remove(down.pid());
                case SayFrom(Pid speaker, String from, String text) -> {
                    for (Pid seat : seats) {
                        if (!seat.equals(speaker)) Troupe.send(seat, new Said(from, text));
                    }
                }
                case CountSeats(Pid replyTo) -> Troupe.send(replyTo, new Seats(seats.size()));
                default -> { }
            }
        }
    }

    static void startServer(Node server) {
        Pid broadcaster = server.runtime().spawn(new Broadcaster());
        server.runtime().register("broadcaster", broadcaster);
        server.runtime().register("receptionist", server.runtime().spawn(() -> {
            while (true) {
                Join join = Troupe.receive(Join.class);
                Pid seat = Troupe.spawn(() -> seat(join.client(), join.name(), broadcaster));
                Troupe.send(broadcaster, new Add(seat));
                Troupe.send(join.client(), new Joined(seat));
            }
        }));
    }

    private static void seat(Pid client, String name, Pid broadcaster) {
        Troupe.monitor(client); // a client whose node goes away leaves too
        while (true) {
            switch (Troupe.receive()) {
                case Say(String text) -> Troupe.send(broadcaster, new SayFrom(Troupe.self(), name, text));
                case Said said -> Troupe.send(client, said);
                case Leave() -> {
                    Troupe.send(broadcaster, new Remove(Troupe.self()));
                    return;
                }
                case Down down -> {
                    Troupe.send(broadcaster, new Remove(Troupe.self()));
                    return;
                }
                default -> { }
            }
        }
    }

    /** A client process: joins, records what it hears, leaves after {@code leaveAfter} messages. */
    private static Pid listener(Node node, String server, String name, List<Said> heard, int leaveAfter) {
        return node.runtime().spawn(() -> {
            Troupe.send(Name.of("receptionist", server), new Join(Troupe.self(), name));
            Pid seat = Troupe.receive(Joined.class).seat();
            heard.add(new Said("system", "joined"));
            while (true) {
                Said said = Troupe.receive(Said.class);
                heard.add(said);
                if (heard.size() - 1 == leaveAfter) {
                    Troupe.send(seat, new Leave());
                    return;
                }
            }
        });
    }

    private static int seats(Node node, String server) throws Exception {
        return node.runtime().call(() -> {
            Troupe.send(Name.of("broadcaster", server), new CountSeats(Troupe.self()));
            return Troupe.receive(Seats.class, Duration.ofSeconds(5)).count();
        });
    }

    @Test
    void chatWithServerAndClientsOnTheirOwnNodes_CL13() throws Exception {
        try (Cluster cluster = new Cluster()) {
            Node server = cluster.start("chat", options -> options.withMessageTypes(TYPES));
            Node a = cluster.start("clienta", options -> options.withMessageTypes(TYPES));
            Node b = cluster.start("clientb", options -> options.withMessageTypes(TYPES));
            Node c = cluster.start("clientc", options -> options.withMessageTypes(TYPES));
            Node speakerNode = cluster.start("speaker", options -> options.withMessageTypes(TYPES));
            startServer(server);
            List<Said> heardA = new CopyOnWriteArrayList<>();
            List<Said> heardB = new CopyOnWriteArrayList<>();
            List<Said> heardC = new CopyOnWriteArrayList<>();
            listener(a, server.node(), "A", heardA, Integer.MAX_VALUE);
            listener(b, server.node(), "B", heardB, 5);
            await().atMost(Duration.ofSeconds(5)).until(() -> !heardA.isEmpty() && !heardB.isEmpty());

            List<String> sent = new CopyOnWriteArrayList<>();
            speakerNode.runtime().spawn(() -> {
                Troupe.send(Name.of("receptionist", server.node()), new Join(Troupe.self(), "speaker"));
                Pid seat = Troupe.receive(Joined.class).seat();
                for (int i = 1; i <= 10; i++) {
                    if (i == 4) {
                        listener(c, server.node(), "C", heardC, Integer.MAX_VALUE); // joins after message 3
                        await().atMost(Duration.ofSeconds(5)).until(() -> !heardC.isEmpty());
                    }
                    Troupe.send(seat, new Say("msg " + i));
                    sent.add("msg " + i);
                    try {
                        Troupe.sleep(Duration.ofMillis(20));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Troupe.send(seat, new Leave());
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> heardA.size() == 11);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 10; i++) expected.add("msg " + i);
            assertThat(heardA.subList(1, 11)).extracting(Said::text).containsExactlyElementsOf(expected);
            assertThat(heardA.subList(1, 11)).extracting(Said::from).containsOnly("speaker");
            assertThat(heardB.subList(1, heardB.size())).extracting(Said::text).containsExactly("msg 1", "msg 2", "msg 3", "msg 4", "msg 5");
            await().atMost(Duration.ofSeconds(5)).until(() -> heardC.size() == 8);
            assertThat(heardC.subList(1, 8)).extracting(Said::text).containsExactlyElementsOf(expected.subList(3, 10));
            await().atMost(Duration.ofSeconds(5)).until(() -> seats(a, server.node()) == 2); // A and C; B and the speaker left

            c.close(); // C's node goes away: its seat sees the client down (noconnection) and leaves
            await().atMost(Duration.ofSeconds(5)).until(() -> seats(a, server.node()) == 1);
        }
    }
}
