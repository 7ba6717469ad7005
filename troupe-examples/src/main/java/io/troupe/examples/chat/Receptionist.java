package io.troupe.examples.chat;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatProtocol.Add;
import io.troupe.examples.chat.ChatProtocol.Added;
import io.troupe.examples.chat.ChatProtocol.Join;
import io.troupe.examples.chat.ChatProtocol.Joined;
import io.troupe.examples.chat.ChatProtocol.ToReceptionist;

import java.time.Duration;

/**
 * Greets clients: for each {@link Join} it spawns a {@link Seat}, has the broadcaster add it, and
 * only then answers {@link Joined}, so a client never speaks from a seat the broadcaster does not
 * know yet (and a late joiner gets exactly the lines broadcast after its {@code Joined}). A threaded
 * process: it waits for the broadcaster's {@link Added} with a selective receive.
 *
 * <p>It is linked to the broadcaster: without a broadcaster there is no chat, so it goes down too.
 */
record Receptionist(Pid broadcaster) implements Runnable {
    static final Duration ADD_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public void run() {
        Troupe.link(broadcaster);
        while (true) {
            if (Troupe.receive(ToReceptionist.class) instanceof Join(Pid client, String name)) {
                seat(client, name);
            }
            // a stray Added (after a timeout) is simply dropped
        }
    }

    private void seat(Pid client, String name) {
        Pid seat = Troupe.spawn(new Seat(client, name));
        Troupe.send(broadcaster, new Add(seat, name, Troupe.self()));
        Object added = Troupe.receive(m -> m instanceof Added(Pid s) && s.equals(seat), ADD_TIMEOUT);
        if (added == null) {
            Troupe.exit(seat, ExitReason.KILL); // the client gets no answer and may try again
            return;
        }
        Troupe.send(client, new Joined(seat, name));
    }
}
