package io.troupe.examples.echo;

import io.troupe.NoSuchNameException;
import io.troupe.Select;
import io.troupe.Selection;
import io.troupe.Source;
import io.troupe.Time;
import io.troupe.TopicMessage;
import io.troupe.Troupe;
import io.troupe.app.AppContext;
import io.troupe.app.Terminal;
import io.troupe.examples.echo.EchoProtocol.Request;
import io.troupe.examples.echo.EchoProtocol.Response;

import java.time.Duration;
import java.time.Instant;

/**
 * The terminal client of the echo service: {@code troupe run echo/app.yaml -x app:cli}. It waits
 * for the relay, then echoes each line typed until an empty line or end of input.
 *
 * <pre>
 * Echo Client
 * Type messages to echo. Ctrl+C to exit.
 *
 * &gt; hello world
 *   HELLO WORLD
 *   from worker: &lt;nonode@nohost.42.1&gt;
 * &gt;
 * Goodbye!
 * </pre>
 *
 * <p>Config: {@code timeout} (default 2s) for each reply, {@code relay_wait} (default 5s) for the
 * relay to register. Returns 0, or 1 if the relay never showed up ({@code relay not ready}).
 */
public final class EchoClient {
    private static final Duration POLL = Duration.ofMillis(50);

    private EchoClient() {
    }

    public static int main(AppContext ctx) throws InterruptedException {
        Terminal term = ctx.terminal();
        Duration timeout = ctx.configDuration("timeout", Duration.ofSeconds(2));
        if (!awaitRelay(ctx.configDuration("relay_wait", Duration.ofSeconds(5)))) {
            term.println("relay not ready");
            return 1;
        }
        term.println("Echo Client");
        term.println("Type messages to echo. Ctrl+C to exit.");
        term.println("");
        Source<Object> responses = Troupe.listen(EchoProtocol.ECHO_RESPONSE);
        long requestId = 0;
        while (true) {
            term.print("> ");
            String line = term.readLine();
            if (line == null || line.isEmpty()) {
                term.println("\nGoodbye!");
                return 0;
            }
            requestId++;
            try {
                Troupe.send(EchoProtocol.RELAY, EchoProtocol.ECHO, new Request(Troupe.self(), line, requestId));
            } catch (NoSuchNameException e) {
                term.println("  error: relay not available");
                continue;
            }
            awaitResponse(term, responses, requestId, timeout);
        }
    }

    /** Polls the registry every 50 ms until the relay is there, for at most {@code limit}. */
    private static boolean awaitRelay(Duration limit) throws InterruptedException {
        long polls = Math.max(1, limit.toMillis() / POLL.toMillis());
        for (long i = 0; i < polls; i++) {
            if (Troupe.whereis(EchoProtocol.RELAY).isPresent()) return true;
            Troupe.sleep(POLL);
        }
        return Troupe.whereis(EchoProtocol.RELAY).isPresent();
    }

    /** Prints the response to request {@code id}, or {@code timeout}; drops late responses to earlier requests. */
    private static void awaitResponse(Terminal term, Source<Object> responses, long id, Duration timeout) {
        Source<Instant> timer = Time.after(timeout);
        while (true) { // ends: the timer fires once
            Selection selected = Select.select(responses.onReceive(), timer.onReceive());
            if (selected.is(timer)) {
                term.println("  timeout");
                return;
            }
            if (selected.value() instanceof TopicMessage(var topic, var from, Response response)
                    && response.requestId() == id) {
                term.println("  " + response.data());
                term.println("  from worker: " + response.worker());
                return;
            }
        }
    }
}
