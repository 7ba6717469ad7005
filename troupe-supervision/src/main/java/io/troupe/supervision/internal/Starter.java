package io.troupe.supervision.internal;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Troupe;
import io.troupe.supervision.ChildStart;
import io.troupe.supervision.SupervisorException;
import io.troupe.supervision.internal.ManagerMessages.Adopt;
import io.troupe.supervision.internal.ManagerMessages.EarlyExit;
import io.troupe.supervision.internal.ManagerMessages.Started;

import java.time.Duration;

/*
 * Overview: a short-lived threaded process that runs one service start for the service manager,
 * so that a slow or blocking start function never blocks the manager (a handler process) and can
 * be killed at the start timeout. Hand-over protocol:
 *
 *   starter: pid = start()            (the service is linked to the starter)
 *   starter -> manager: Started(pid)
 *   manager: link(pid); -> starter: Adopt
 *   starter: unlink(pid); exit normally, or with EarlyExit(reason) if the service already died
 *
 * The service is linked to the manager before the starter lets go, so no exit of the service can
 * slip through unseen. A service that died before the manager's link gives the manager only
 * `noproc`; the starter, which was linked at the time, has the real reason and passes it on as its
 * own exit reason. The starter traps exits so that the service's early death does not kill it
 * mid-protocol; if the manager dies first, the starter kills the service and exits. A failed start
 * ends the starter with the failure's reason, which the manager sees as an Exit.
 */
final class Starter implements Runnable {
    private final ChildStart start;
    private final Pid manager;
    private final String name;
    private final int generation;

    Starter(ChildStart start, Pid manager, String name, int generation) {
        this.start = start;
        this.manager = manager;
        this.name = name;
        this.generation = generation;
    }

    @Override
    public void run() {
        Troupe.trapExit(true);
        Pid pid = startService();
        Troupe.send(manager, new Started(name, generation, pid));
        Object answer = Troupe.receive(m -> m instanceof Adopt || m instanceof Exit exit && exit.from().equals(manager));
        if (answer instanceof Exit exit) {
            Troupe.exit(pid, ExitReason.KILL);
            Troupe.exit(exit.reason());
        }
        Troupe.unlink(pid);
        if (Troupe.receive(m -> m instanceof Exit exit && exit.from().equals(pid), Duration.ZERO) instanceof Exit early) {
            Troupe.exit(ExitReason.of(new EarlyExit(early.reason())));
        }
    }

    private Pid startService() {
        Pid pid;
        try {
            pid = start.start();
        } catch (ProcessExit exit) {
            throw exit;
        } catch (SupervisorException e) {
            throw new ProcessExit(e.kind() == SupervisorException.Kind.START_FAILED && e.reason() != null
                    ? e.reason() : ExitReason.Failure.of(e));
        } catch (Exception e) {
            throw new ProcessExit(ExitReason.Failure.of(e));
        }
        if (pid == null) throw new ProcessExit(ExitReason.of("start of service '" + name + "' returned no process"));
        return pid;
    }
}
