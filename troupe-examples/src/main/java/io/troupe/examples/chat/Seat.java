package io.troupe.examples.chat;

import io.troupe.Down;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.NoSuchNameException;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatProtocol.Broadcast;
import io.troupe.examples.chat.ChatProtocol.Leave;
import io.troupe.examples.chat.ChatProtocol.Remove;
import io.troupe.examples.chat.ChatProtocol.Said;
import io.troupe.examples.chat.ChatProtocol.Say;
import io.troupe.examples.chat.ChatProtocol.ToSeat;

/**
 * One client's place at the server, spawned by the receptionist: it passes the client's lines to
 * the broadcaster, signed with the client's name, and the others' lines to the client. It watches
 * its client, so a client that disappears without leaving frees its seat too.
 *
 * @param client the client process
 * @param name   the client's name, as others see it
 */
record Seat(Pid client, String name) implements Handler {

    @Override
    public void init() {
        Troupe.monitor(client);
    }

    @Override
    public void handle(Object message) {
        switch (message) {
            case ToSeat toSeat -> {
                switch (toSeat) {
                    case Say(String text) -> {
                        if (!tellBroadcaster(new Broadcast(Troupe.self(), name, text))) {
                            Troupe.exit("no broadcaster"); // the chat is gone: so is this seat
                        }
                    }
                    case Said said -> Troupe.send(client, said);
                    case Leave() -> leave();
                }
            }
            case Down(Ref ref, Pid pid, var reason) when pid.equals(client) -> leave();
            default -> { }
        }
    }

    /** Asks the broadcaster to take this seat off its list, then ends normally. */
    private void leave() {
        tellBroadcaster(new Remove(Troupe.self())); // if it is gone, so is the list
        Troupe.exit(ExitReason.NORMAL);
    }

    /** Sends to the broadcaster by name, as seed 000 does; false if it is not registered (any more). */
    private static boolean tellBroadcaster(Object message) {
        try {
            Troupe.send(ChatProtocol.BROADCASTER, message);
            return true;
        } catch (NoSuchNameException e) {
            return false;
        }
    }
}
