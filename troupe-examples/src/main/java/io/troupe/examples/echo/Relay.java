package io.troupe.examples.echo;

import io.troupe.Cancel;
import io.troupe.Down;
import io.troupe.Pid;
import io.troupe.Select;
import io.troupe.Selection;
import io.troupe.Source;
import io.troupe.Ticker;
import io.troupe.Time;
import io.troupe.TopicMessage;
import io.troupe.Troupe;
import io.troupe.app.AppContext;
import io.troupe.examples.echo.EchoProtocol.Request;
import io.troupe.examples.echo.EchoProtocol.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * The relay of the echo service: registered as {@code relay}, it spawns a monitored worker per
 * {@code echo} request, and a stats coroutine logs its counters every {@code stats_interval}.
 * Run as the {@code app:relay-service} service (see {@code echo/app.yaml}).
 *
 * <p>Config: {@code worker_delay} (default 100ms, how long a worker sleeps before it answers) and
 * {@code stats_interval} (default 5s).
 *
 * <p>Logs (logger {@code io.troupe.examples.echo.Relay}): {@code relay started pid=P},
 * {@code stats messages=M workers_spawned=W}, {@code worker exited from=P reason=R},
 * {@code relay stopping}.
 */
public final class Relay {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private Relay() {
    }

    /** The counters; the main loop writes them and the stats coroutine reads them, taking turns. */
    private static final class Stats {
        long messages;
        long workersSpawned;
    }

    public static int main(AppContext ctx) {
        Duration workerDelay = ctx.configDuration("worker_delay", Duration.ofMillis(100));
        Duration statsInterval = ctx.configDuration("stats_interval", Duration.ofSeconds(5));
        Troupe.register(EchoProtocol.RELAY);
        log.info("relay started pid={}", Troupe.self());

        Stats stats = new Stats();
        Ticker ticker = Time.ticker(statsInterval);
        Troupe.coroutine(() -> {
            while (ticker.channel().receive() != null) {
                log.info("stats messages={} workers_spawned={}", stats.messages, stats.workersSpawned);
            }
        });
        try {
            Source<Object> inbox = Troupe.inbox();
            Source<Object> events = Troupe.events();
            while (true) {
                Selection selected = Select.select(inbox.onReceive(), events.onReceive());
                switch (selected.value()) {
                    case TopicMessage(String topic, Pid from, Request request) when topic.equals(EchoProtocol.ECHO) -> {
                        stats.messages++;
                        Troupe.spawnMonitor(() -> work(request, workerDelay));
                        stats.workersSpawned++;
                    }
                    case Down down -> log.info("worker exited from={} reason={}", down.pid(), down.reason());
                    case Cancel cancel -> {
                        log.info("relay stopping");
                        return 0;
                    }
                    default -> log.debug("relay ignores {}", selected.value());
                }
            }
        } finally {
            ticker.stop();
        }
    }

    /** A worker: waits {@code delay}, then answers the sender itself, and ends normally (Wippy's {@code return 0}). */
    static void work(Request request, Duration delay) {
        try {
            Troupe.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Troupe.send(request.sender(), EchoProtocol.ECHO_RESPONSE,
                new Response(request.data().toUpperCase(Locale.ROOT), Troupe.self(), request.requestId()));
    }
}
