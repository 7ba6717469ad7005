package io.troupe.examples.chat;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatEvent.ClientJoined;
import io.troupe.examples.chat.ChatEvent.ClientLeft;
import io.troupe.examples.chat.ChatEvent.JoinFailed;
import io.troupe.examples.chat.ChatProtocol.Join;
import io.troupe.examples.chat.ChatProtocol.Joined;
import io.troupe.examples.chat.ChatProtocol.Leave;

import java.time.Duration;

/** What the client processes share: joining, leaving and reporting to an observer. */
final class Clients {
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private Clients() {
    }

    /** Reports {@code event} to {@code observer}, if there is one. */
    static void report(Pid observer, ChatEvent event) {
        if (observer != null) Troupe.send(observer, event);
    }

    /** Joins through the receptionist; returns the seat, or null (reported) if nobody answered. */
    static Pid join(String name, Pid observer) {
        Troupe.send(ChatProtocol.RECEPTIONIST, new Join(Troupe.self(), name));
        Joined joined = Troupe.receive(Joined.class, JOIN_TIMEOUT);
        if (joined == null) {
            report(observer, new JoinFailed(name, "no answer from the receptionist", System.nanoTime()));
            return null;
        }
        report(observer, new ClientJoined(name, joined.seat(), System.nanoTime()));
        return joined.seat();
    }

    /** Tells the seat the client leaves, and reports it. */
    static void leave(String name, Pid seat, Pid observer) {
        Troupe.send(seat, new Leave());
        report(observer, new ClientLeft(name, System.nanoTime()));
    }
}
