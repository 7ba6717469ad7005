package io.troupe.examples;

import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;

/** The README's quickstart, compiled and run by the build so the sample cannot rot. */
public final class QuickstartExample {
    record Ping(Pid from) {}

    private QuickstartExample() {
    }

    /** Runs the quickstart and returns what the root process received. */
    public static String run() {
        String[] answer = new String[1];
        try (TroupeRuntime runtime = TroupeRuntime.start()) {
            Pid echo = runtime.spawn(() -> {
                while (true) {
                    if (Troupe.receive() instanceof Ping(Pid from)) Troupe.send(from, "pong");
                }
            });
            runtime.run(() -> {                        // this thread becomes a process
                Troupe.send(echo, new Ping(Troupe.self()));
                answer[0] = Troupe.receive(String.class);
                System.out.println(answer[0]);         // pong
            });
        }
        return answer[0];
    }

    public static void main(String[] args) {
        run();
    }
}
