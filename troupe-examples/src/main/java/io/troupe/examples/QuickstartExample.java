package io.troupe.examples;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;

/** The README's quickstart, compiled and run by the build; DocSnippetsTest keeps the README in step. */
public final class QuickstartExample {
    private QuickstartExample() {
    }

    public static void main(String[] args) {
        // tag::quickstart[]
        record Ping(Pid from) {}

        try (TroupeRuntime runtime = TroupeRuntime.start()) {
            Pid echo = runtime.spawn(() -> {
                while (true) {
                    if (Troupe.receive() instanceof Ping(Pid from)) Troupe.send(from, "pong");
                }
            });
            runtime.run(() -> {                        // this thread becomes a process
                Troupe.send(echo, new Ping(Troupe.self()));
                System.out.println(Troupe.receive(String.class));   // pong
            });
        }
        // end::quickstart[]
    }
}
