package io.troupe.examples.guide;

import io.troupe.Down;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Spawned;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;

import java.time.Duration;

/** The samples of docs/guide.md about processes; each method runs one and returns what it saw. */
public final class ProcessesGuide {
    private ProcessesGuide() {
    }

    // tag::protocol[]
    sealed interface Request permits Get, Put {}
    record Get(String key, Pid replyTo) implements Request {}
    record Put(String key, String value) implements Request {}
    // end::protocol[]

    /** A threaded key-value process that switches over a sealed protocol. */
    public static String threadedKeyValue(TroupeRuntime runtime) throws Exception {
        // tag::threaded[]
        Pid store = runtime.spawn(() -> {
            var data = new java.util.HashMap<String, String>();   // owned by this process alone
            while (true) {
                switch ((Request) Troupe.receive()) {
                    case Put(String key, String value) -> data.put(key, value);
                    case Get(String key, Pid replyTo) -> Troupe.send(replyTo, data.getOrDefault(key, "?"));
                }
            }
        });
        // end::threaded[]
        return runtime.call(() -> {
            // tag::request[]
            Troupe.send(store, new Put("greeting", "hello"));
            Troupe.send(store, new Get("greeting", Troupe.self()));
            String answer = Troupe.receive(String.class, Duration.ofSeconds(1));  // null on timeout
            // end::request[]
            return answer;
        });
    }

    /** A handler process: no thread of its own, called once per message. */
    public static int handlerCounter(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            // tag::handler[]
            Pid self = Troupe.self();
            Pid counter = Troupe.spawn(new Handler() {
                private int count;                         // no lock: calls never overlap

                @Override
                public void handle(Object message) {
                    if (message.equals("tick")) count++;
                    else if (message.equals("report")) Troupe.send(self, count);
                }
            });
            for (int i = 0; i < 3; i++) Troupe.send(counter, "tick");
            Troupe.send(counter, "report");
            int count = Troupe.receive(Integer.class);     // 3: one sender's messages stay in order
            // end::handler[]
            return count;
        });
    }

    /** A crash is contained and noticed through a monitor. */
    public static ExitReason monitoredCrash(TroupeRuntime runtime) throws Exception {
        return runtime.call(() -> {
            // tag::monitor[]
            Spawned worker = Troupe.spawnMonitor(() -> {
                throw new IllegalStateException("disk full");   // ends only this process
            });
            Down down = Troupe.receive(Down.class);
            // down.pid() == worker.pid(); down.reason() is a Failure naming the exception
            // end::monitor[]
            return worker.pid().equals(down.pid()) ? down.reason() : null;
        });
    }
}
