package io.troupe.examples.echo;

import io.troupe.Cancel;
import io.troupe.Down;
import io.troupe.Groups;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.TopicMessage;
import io.troupe.Troupe;
import io.troupe.app.AppContext;
import io.troupe.app.Terminal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wippy's {@code examples/10-chat-room} (WP-7) in small Java processes: rooms registered as
 * {@code room:<name>} with the topics join, leave, message, get_info and close; an event bus (the
 * process group {@code chat}) that rooms publish to; a {@code notifications} service that counts
 * the events; and the CLI script of the example as a terminal process.
 */
public final class ChatRooms {
    record Join(String user) { }
    record Leave(String user) { }
    record Message(String user, String text) { }
    record GetInfo(Pid replyTo) { }
    record Close() { }
    record RoomInfo(String room, List<String> members, int messageCount, List<String> lastMessages) { }
    /** An event on the bus, as Wippy's {@code events.send("chat", kind, "/rooms/<name>", data)}. */
    record ChatEvent(String kind, String path, Object data) { }

    static final String BUS = "chat";
    /** Events seen by the notifications service, by kind. */
    static final Map<String, AtomicInteger> NOTIFIED = new ConcurrentHashMap<>();

    private ChatRooms() {
    }

    /** A room's process body. */
    static void room(String name) {
        Set<String> members = new LinkedHashSet<>();
        List<String> last = new ArrayList<>();
        int count = 0;
        String path = "/rooms/" + name;
        Groups.broadcast(BUS, new ChatEvent("room.created", path, name));
        while (true) {
            TopicMessage m = Troupe.receive(TopicMessage.class);
            switch (m.payload()) {
                case Join(String user) -> {
                    if (members.add(user)) Groups.broadcast(BUS, new ChatEvent("user.joined", path, user));
                }
                case Leave(String user) -> {
                    if (members.remove(user)) Groups.broadcast(BUS, new ChatEvent("user.left", path, user));
                }
                case Message(String user, String text) -> {
                    count++;
                    last.add(user + ": " + text);
                    if (last.size() > 5) last.removeFirst();
                    Groups.broadcast(BUS, new ChatEvent("message.sent", path, text));
                }
                case GetInfo(Pid replyTo) -> Troupe.send(replyTo, "room_info",
                        new RoomInfo(name, List.copyOf(members), count, List.copyOf(last)));
                case Close() -> {
                    Groups.broadcast(BUS, new ChatEvent("room.closed", path, name));
                    return;
                }
                default -> { }
            }
        }
    }

    /** The notifications service: subscribes to the bus and counts every event. */
    public static void notifications() {
        Groups.join(BUS);
        while (true) {
            switch (Troupe.receive()) {
                case ChatEvent event -> NOTIFIED.computeIfAbsent(event.kind(), k -> new AtomicInteger()).incrementAndGet();
                case Cancel stop -> {
                    return;
                }
                default -> { }
            }
        }
    }

    /** The example's CLI script. */
    public static int cli(AppContext ctx) throws InterruptedException {
        Terminal term = ctx.terminal();
        for (int poll = 0; poll < 100 && Groups.members(BUS).isEmpty(); poll++) Troupe.sleep(Duration.ofMillis(50));
        for (String room : List.of("general", "random")) Troupe.register("room:" + room, Troupe.spawn(() -> room(room)));
        send("general", new Join("Alice"));
        send("general", new Join("Bob"));
        send("random", new Join("Alice"));
        send("random", new Join("Charlie"));
        List<String[]> script = List.of(
                new String[] {"general", "Alice", "Hello everyone!"}, new String[] {"general", "Bob", "Hi Alice!"},
                new String[] {"random", "Alice", "Anyone here?"}, new String[] {"general", "Alice", "How are you?"},
                new String[] {"random", "Charlie", "Yes, hi!"}, new String[] {"general", "Bob", "Great, thanks"},
                new String[] {"random", "Alice", "Nice"});
        for (String[] line : script) {
            send(line[0], new Message(line[1], line[2]));
            Troupe.sleep(Duration.ofMillis(200));
        }
        for (String room : List.of("general", "random")) {
            send(room, new GetInfo(Troupe.self()));
            TopicMessage reply = (TopicMessage) Troupe.receive(
                    m -> m instanceof TopicMessage t && t.topic().equals("room_info"), Duration.ofSeconds(2));
            if (reply == null) {
                term.println("#" + room + ": no answer");
                return 1;
            }
            RoomInfo info = (RoomInfo) reply.payload();
            term.println("#" + info.room() + ": " + info.members().size() + " members (" + String.join(", ", info.members())
                    + "), " + info.messageCount() + " messages");
        }
        send("general", new Leave("Bob"));
        for (String room : List.of("general", "random")) {
            Pid pid = Troupe.whereis("room:" + room).orElseThrow();
            Ref monitor = Troupe.monitor(pid);
            send(room, new Close());
            Troupe.receive(m -> m instanceof Down d && d.ref().equals(monitor), Duration.ofSeconds(2));
        }
        term.println("closed: " + Troupe.whereis("room:general").isEmpty() + ", " + Troupe.whereis("room:random").isEmpty());
        return 0;
    }

    private static void send(String room, Object payload) {
        String topic = switch (payload) {
            case Join j -> "join";
            case Leave l -> "leave";
            case Message m -> "message";
            case GetInfo g -> "get_info";
            default -> "close";
        };
        Troupe.send("room:" + room, topic, payload);
    }
}
