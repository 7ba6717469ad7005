package io.troupe.examples.guide;

import io.troupe.Channel;
import io.troupe.Groups;
import io.troupe.Select;
import io.troupe.Selection;
import io.troupe.Source;
import io.troupe.Time;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The samples of docs/guide.md about channels, select, timers, coroutines and groups. */
public final class ChannelsGuide {
    private ChannelsGuide() {
    }

    /** Workers feed a buffered channel; close tells the consumer there is no more. */
    public static int producerConsumer(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            // tag::channel[]
            Channel<Integer> jobs = Channel.buffered(8);
            Troupe.spawn(() -> {
                for (int job = 1; job <= 6; job++) jobs.send(job);
                jobs.close();                               // buffered values stay readable
            });
            int sum = 0;
            for (Integer job = jobs.receive(); job != null; job = jobs.receive()) sum += job;  // null: closed
            // end::channel[]
            return sum;
        });
    }

    /** Waits on the inbox and a timer at once. */
    public static List<String> selectWithTimeout(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            List<String> seen = new ArrayList<>();
            Troupe.send(Troupe.self(), "hello");
            for (int round = 0; round < 2; round++) {
                // tag::select[]
                Source<Object> inbox = Troupe.inbox();
                Source<Instant> timeout = Time.after(Duration.ofMillis(200));
                Selection s = Select.select(inbox.onReceive(), timeout.onReceive());
                if (s.is(timeout)) seen.add("timeout");
                else seen.add("got " + s.value());
                // end::select[]
            }
            return seen;
        });
    }

    /** A coroutine shares the process's state without locks. */
    public static int coroutineStats(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            // tag::coroutine[]
            int[] handled = {0};                            // shared by the body and its coroutine
            List<String> reports = new ArrayList<>();
            var ticker = Time.ticker(Duration.ofMillis(50));
            Troupe.coroutine(() -> {
                while (reports.size() < 2) {
                    ticker.channel().receive();              // a Troupe wait: the body runs meanwhile
                    reports.add("handled " + handled[0]);
                }
                ticker.stop();
            });
            while (reports.size() < 2) {
                if (Troupe.receive(Duration.ofMillis(10)) == null) handled[0]++;
            }
            // end::coroutine[]
            return reports.size();
        });
    }

    /** Process groups for publish/subscribe. */
    public static int groupBroadcast(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            // tag::groups[]
            var self = Troupe.self();
            for (int i = 0; i < 3; i++) {
                Troupe.spawn(() -> {
                    Groups.join("room:lobby");
                    Troupe.send(self, "joined");
                    Troupe.send(self, "heard " + Troupe.receive());
                });
            }
            for (int i = 0; i < 3; i++) Troupe.receive("joined"::equals);
            int delivered = Groups.broadcast("room:lobby", "welcome");   // 3: every member but the sender
            // end::groups[]
            for (int i = 0; i < 3; i++) Troupe.receive(m -> m.equals("heard welcome"), Duration.ofSeconds(2));
            return delivered;
        });
    }
}
