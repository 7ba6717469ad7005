package io.troupe.examples.chat;

import io.troupe.Pid;

import java.util.List;
import java.util.Objects;

/**
 * The messages of the multi-client chat (ConcurrentLua seed 000, scenario CL-13).
 *
 * <pre>
 *   client ──Join──► receptionist ──spawn──► seat
 *                         │ ──Add──► broadcaster (monitors the seat) ──Added──► receptionist
 *   client ◄──Joined(seat)┘
 *   client ──Say──► seat ──Broadcast──► broadcaster ──Said──► every other seat ──Said──► its client
 *   client ──Leave──► seat ──Remove──► broadcaster; the seat ends normally
 *   a seat that dies any other way is removed through its monitor (Down)
 * </pre>
 *
 * <p>Every message is an immutable record that carries pids and strings only, never a reference to
 * a process's state, so the clients can later move to other nodes. Each process receives one sealed
 * interface (plus {@link io.troupe.Down} where it monitors) and {@code switch}es over it.
 */
public final class ChatProtocol {
    /** The receptionist's registered name. */
    public static final String RECEPTIONIST = "receptionist";
    /** The broadcaster's registered name. */
    public static final String BROADCASTER = "broadcaster";

    private ChatProtocol() {
    }

    // ---------------------------------------------------------------- to the receptionist

    /** What the receptionist receives. */
    public sealed interface ToReceptionist permits Join, Added {}

    /** A client asks for a seat; {@code name} is how others will see it. */
    public record Join(Pid client, String name) implements ToReceptionist {
        public Join {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The broadcaster has put {@code seat} on its list (reply to {@link Add}). */
    public record Added(Pid seat) implements ToReceptionist {}

    // ---------------------------------------------------------------- to the broadcaster

    /** What the broadcaster receives (and {@link io.troupe.Down} for the seats it monitors). */
    public sealed interface ToBroadcaster permits Add, Remove, Broadcast, ListSeats {}

    /** Put {@code seat} on the list and monitor it; answer {@link Added} to {@code replyTo}. */
    public record Add(Pid seat, String name, Pid replyTo) implements ToBroadcaster {}

    /** Take {@code seat} off the list (its client left). */
    public record Remove(Pid seat) implements ToBroadcaster {}

    /** Forward a line to every seat except {@code seat}, the speaker's own. */
    public record Broadcast(Pid seat, String from, String text) implements ToBroadcaster {}

    /** Answer {@link Seats} to {@code replyTo}: for tests and monitoring. */
    public record ListSeats(Pid replyTo) implements ToBroadcaster {}

    /** The broadcaster's seat list, in joining order. */
    public record Seats(List<SeatInfo> seats) {
        public Seats {
            seats = List.copyOf(seats);
        }
    }

    /** One entry of the seat list. */
    public record SeatInfo(Pid seat, String name) {}

    // ---------------------------------------------------------------- to a seat

    /** What a seat receives (and {@link io.troupe.Down} for its client). */
    public sealed interface ToSeat permits Say, Leave, Said {}

    /** The client says a line. */
    public record Say(String text) implements ToSeat {
        public Say {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The client leaves: the seat takes itself off the list and ends. */
    public record Leave() implements ToSeat {}

    // ---------------------------------------------------------------- to a client

    /** What a client receives from the server. */
    public sealed interface ToClient permits Joined, Said {}

    /** The receptionist's answer to {@link Join}: talk to {@code seat} from now on. */
    public record Joined(Pid seat, String name) implements ToClient {}

    /** A line someone else said; broadcaster → seat → client. */
    public record Said(String from, String text) implements ToClient, ToSeat {}

    /** Tells a listener client to leave the chat now and stop (sent by whoever runs the client). */
    public record Quit() {}
}
