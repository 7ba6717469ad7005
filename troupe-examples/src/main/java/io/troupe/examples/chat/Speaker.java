package io.troupe.examples.chat;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.examples.chat.ChatEvent.Spoke;
import io.troupe.examples.chat.ChatProtocol.Say;

import java.time.Duration;

/**
 * A client that joins, says {@code "msg 1"} .. {@code "msg <lines>"} with {@code interval} between
 * them (CL-13: 10 lines, 500 ms), then leaves. Lines said by others are not read: it only talks.
 *
 * @param name     how others see it
 * @param lines    how many lines
 * @param interval the pause between two lines
 * @param observer where it reports {@link ChatEvent}s, or null
 */
public record Speaker(String name, int lines, Duration interval, Pid observer) implements Runnable {

    @Override
    public void run() {
        Pid seat = Clients.join(name, observer);
        if (seat == null) return;
        for (int i = 1; i <= lines; i++) {
            String text = "msg " + i;
            // Report first, so an observer always sees a line said before anyone hears it.
            Clients.report(observer, new Spoke(name, text, System.nanoTime()));
            Troupe.send(seat, new Say(text));
            if (i < lines) {
                try {
                    Troupe.sleep(interval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Clients.leave(name, seat, observer);
    }
}
