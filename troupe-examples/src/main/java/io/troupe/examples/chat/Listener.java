package io.troupe.examples.chat;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatEvent.Heard;
import io.troupe.examples.chat.ChatProtocol.Quit;
import io.troupe.examples.chat.ChatProtocol.Said;

/**
 * A client that joins and reports every line it receives. It leaves after {@code leaveAfter} lines
 * (0: never by itself) or when told {@link Quit}; after leaving it keeps running, and reporting
 * whatever still reaches it, until {@link Quit}, so a test can check that nothing does.
 *
 * @param name       how others see it
 * @param observer   where it reports {@link ChatEvent}s, or null
 * @param leaveAfter leave after this many lines; 0 for never
 */
public record Listener(String name, Pid observer, int leaveAfter) implements Runnable {

    public Listener(String name, Pid observer) {
        this(name, observer, 0);
    }

    @Override
    public void run() {
        Pid seat = Clients.join(name, observer);
        if (seat == null) return;
        boolean seated = true;
        int heard = 0;
        while (true) {
            switch (Troupe.receive()) {
                case Said(String from, String text) -> {
                    Clients.report(observer, new Heard(name, from, text, System.nanoTime()));
                    if (seated && ++heard == leaveAfter) {
                        Clients.leave(name, seat, observer);
                        seated = false;
                    }
                }
                case Quit q -> {
                    if (seated) Clients.leave(name, seat, observer);
                    return;
                }
                default -> { }
            }
        }
    }
}
