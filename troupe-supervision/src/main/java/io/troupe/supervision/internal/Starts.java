package io.troupe.supervision.internal;

import io.troupe.Down;
import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.supervision.ChildStart;
import io.troupe.supervision.SupervisorException;
import io.troupe.supervision.internal.Protocol.InitAck;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** The standard {@link ChildStart}s, and the synchronous-start handshake they share with supervisors. */
public final class Starts {
    private Starts() {
    }

    public static ChildStart worker(Runnable body) {
        return () -> Troupe.spawnLink(body);
    }

    public static ChildStart handler(Supplier<? extends Handler> factory) {
        return () -> {
            Handler handler = Objects.requireNonNull(factory.get(), "the handler factory returned null");
            Pid child = Troupe.spawnLink(new AckingHandler(handler, Troupe.self()));
            return awaitInit(child, "handler process " + child);
        };
    }

    /**
     * Waits until {@code child}, linked to the caller, acknowledges its start ({@code proc_lib:start_link}).
     * The child acknowledges failures too, before it dies, so its ack always comes before the
     * {@code Down} (even a {@code noproc} one); a {@code Down} alone means it was killed first.
     * On failure the link is removed and any exit signal it already delivered is dropped, so a
     * caller that traps exits is left with nothing to clean up.
     *
     * @throws SupervisorException START_FAILED with the child's failure or exit reason
     */
    static Pid awaitInit(Pid child, String what) {
        Ref monitor = Troupe.monitor(child);
        Object answer = Troupe.receive(m -> m instanceof InitAck ack && ack.pid().equals(child)
                || m instanceof Down down && down.ref().equals(monitor));
        Troupe.demonitor(monitor);
        ExitReason failure = answer instanceof InitAck ack ? ack.failure() : ((Down) answer).reason();
        if (failure == null) return child;
        Troupe.unlink(child);
        Troupe.receive(m -> m instanceof Exit exit && exit.from().equals(child), Duration.ZERO);
        throw SupervisorException.startFailed(what, failure);
    }
}
