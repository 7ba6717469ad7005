package io.troupe.supervision.internal;

import io.troupe.Down;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.Troupe;
import io.troupe.TroupeRuntime;
import io.troupe.supervision.SupervisorException;
import io.troupe.supervision.internal.Protocol.Op;
import io.troupe.supervision.internal.Protocol.Refusal;
import io.troupe.supervision.internal.Protocol.Reply;
import io.troupe.supervision.internal.Protocol.Request;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Request/reply with a supervisor, from a threaded process or a plain thread. */
final class Calls {
    private Calls() {
    }

    /** Whether the calling thread runs a Troupe process. */
    static boolean inProcess() {
        try {
            Troupe.self();
            return true;
        } catch (IllegalStateException notAProcess) {
            return false;
        }
    }

    /**
     * Runs {@code block} in the calling process, or, on a plain thread, in a temporary root process
     * of {@code runtime} (so that it can receive replies).
     */
    static <T> T asProcess(TroupeRuntime runtime, Callable<T> block) {
        try {
            return inProcess() ? block.call() : runtime.call(block);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code op} to {@code server} and waits for the reply, as {@code gen:call}: the monitor
     * on the server doubles as the request tag, so a server that dies ends the wait at once.
     */
    static Object call(Pid server, Op op, Duration timeout) {
        if (server.equals(Troupe.self())) {
            throw new IllegalStateException("a supervisor cannot call itself: " + op);
        }
        Ref tag = Troupe.monitor(server);
        Troupe.send(server, new Request(tag, Troupe.self(), op));
        Object answer = Troupe.receive(m -> m instanceof Reply r && r.tag().equals(tag)
                || m instanceof Down d && d.ref().equals(tag), timeout);
        switch (answer) {
            case Reply reply -> {
                Troupe.demonitor(tag);
                if (reply.value() instanceof Refusal refusal) throw refusal.toException();
                return reply.value();
            }
            case Down down -> throw notAlive(server, down.reason());
            case null -> {
                Troupe.demonitor(tag);
                Troupe.receive(m -> m instanceof Reply r && r.tag().equals(tag), Duration.ZERO);
                throw new SupervisorException(SupervisorException.Kind.TIMEOUT,
                        "supervisor " + server + " did not answer " + op + " within " + timeout, null, null);
            }
            default -> throw new IllegalStateException("unexpected answer " + answer);
        }
    }

    static SupervisorException notAlive(Pid server, ExitReason reason) {
        return new SupervisorException(SupervisorException.Kind.NOT_ALIVE,
                "supervisor " + server + " is not alive (" + reason + ")", reason, null);
    }
}
