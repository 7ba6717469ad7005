package io.troupe.examples.chat;

import io.troupe.Down;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatProtocol.Add;
import io.troupe.examples.chat.ChatProtocol.Added;
import io.troupe.examples.chat.ChatProtocol.Broadcast;
import io.troupe.examples.chat.ChatProtocol.ListSeats;
import io.troupe.examples.chat.ChatProtocol.Remove;
import io.troupe.examples.chat.ChatProtocol.Said;
import io.troupe.examples.chat.ChatProtocol.SeatInfo;
import io.troupe.examples.chat.ChatProtocol.Seats;
import io.troupe.examples.chat.ChatProtocol.ToBroadcaster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the seat list and forwards every line to all seats but the speaker's. A handler process:
 * it only reacts to messages, never blocks, so it needs no thread of its own.
 *
 * <p>It monitors each seat it adds, so a seat that dies without saying goodbye (a crash, a kill) is
 * taken off the list when its {@link Down} arrives; a seat that leaves properly sends
 * {@link Remove} first, and the monitor is dropped.
 */
final class Broadcaster implements Handler {
    private record Member(String name, Ref monitor) {}

    private final Map<Pid, Member> seats = new LinkedHashMap<>(); // joining order

    @Override
    public void handle(Object message) {
        switch (message) {
            case ToBroadcaster request -> serve(request);
            case Down(Ref ref, Pid seat, var reason) -> {
                Member member = seats.get(seat);
                if (member != null && member.monitor().equals(ref)) seats.remove(seat);
            }
            default -> { } // not ours: ignore, as an Erlang server would
        }
    }

    private void serve(ToBroadcaster request) {
        switch (request) {
            case Add(Pid seat, String name, Pid replyTo) -> {
                seats.computeIfAbsent(seat, s -> new Member(name, Troupe.monitor(s)));
                Troupe.send(replyTo, new Added(seat));
            }
            case Remove(Pid seat) -> {
                Member member = seats.remove(seat);
                if (member != null) Troupe.demonitor(member.monitor());
            }
            case Broadcast(Pid speakerSeat, String from, String text) -> {
                Said said = new Said(from, text);
                for (Pid seat : seats.keySet()) {
                    if (!seat.equals(speakerSeat)) Troupe.send(seat, said);
                }
            }
            case ListSeats(Pid replyTo) -> {
                List<SeatInfo> list = new ArrayList<>(seats.size());
                seats.forEach((seat, member) -> list.add(new SeatInfo(seat, member.name())));
                Troupe.send(replyTo, new Seats(list));
            }
        }
    }
}
