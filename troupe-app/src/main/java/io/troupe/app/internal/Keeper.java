package io.troupe.app.internal;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;

/*
 * Overview: the process a service entry runs as, between the service manager and the entry's
 * method. The manager stops a service OTP-style, with the exit signal SHUTDOWN; a Wippy service
 * expects a CANCEL event instead, cleans up and returns. The keeper translates:
 *
 *   manager ──link── keeper (traps exits) ──link── worker: entryPoint.invoke(context)
 *
 *   Exit(_, shutdown)      → cancel(worker); wait for the worker to end; exit(shutdown)
 *                            (the manager kills the keeper, and through the link the worker, at
 *                            the stop timeout)
 *   Exit(worker, reason)   → exit(reason): a crash is a crash, a return is a normal exit
 *   Exit(other, abnormal)  → exit(reason), as a process that does not trap exits would
 *   Exit(other, normal)    → ignored, likewise
 *
 * The worker keeps the ordinary semantics: it does not trap exits unless it asks to.
 */
final class Keeper implements Runnable {
    private final Runnable body;

    Keeper(Runnable body) {
        this.body = body;
    }

    @Override
    public void run() {
        Troupe.trapExit(true);
        Pid worker = Troupe.spawnLink(body);
        while (true) { // ends: every branch but a normal Exit from another process exits
            Exit exit = Troupe.receive(Exit.class);
            if (exit.from().equals(worker)) {
                Troupe.exit(exit.reason());
            } else if (exit.reason() instanceof ExitReason.Shutdown) {
                Troupe.cancel(worker);
                Troupe.receive(m -> m instanceof Exit e && e.from().equals(worker));
                Troupe.exit(ExitReason.SHUTDOWN);
            } else if (!(exit.reason() instanceof ExitReason.Normal)) {
                Troupe.exit(exit.reason());
            }
        }
    }
}
