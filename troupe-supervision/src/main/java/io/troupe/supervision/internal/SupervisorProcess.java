package io.troupe.supervision.internal;

import io.troupe.Exit;
import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.supervision.SupervisorFailure;
import io.troupe.supervision.SupervisorSpec;
import io.troupe.supervision.internal.Children.StartFailure;
import io.troupe.supervision.internal.Protocol.InitAck;
import io.troupe.supervision.internal.Protocol.Request;
import io.troupe.supervision.internal.Protocol.TryAgain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/*
 * Overview: the body of one supervisor process (one incarnation; a restarted supervisor is a new
 * instance). It is OTP's supervisor.erl on a threaded process:
 *
 *   run:  trap exits, register the name, start the children in order, ack the starter, loop
 *   loop: Exit from a child        -> restart by restart type, intensity and strategy
 *         Exit from the parent     -> stop children (reverse order), exit with the same reason
 *         Exit from anyone else    -> ignored if normal, else handled like one from the parent
 *         Request                  -> SupervisorCalls answers it (Stop: stop children, exit normal)
 *         TryAgain                 -> retry a restart whose start failed
 *
 * The receive loop is a server loop: it ends only by exiting the process. Every wait inside it
 * (a child's start, a child's stop) is bounded by the child's own contract and shutdown setting.
 */
final class SupervisorProcess implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("io.troupe.supervision");

    final SupervisorSpec spec;
    private final Pid starter;
    private final Pid parent;
    final Children children;
    private final RestartWindow window;
    private final SupervisorCalls calls;
    long restarts;

    /**
     * @param starter the process waiting for the start acknowledgement
     * @param parent  the linked parent, or {@code null} for an unlinked supervisor
     */
    SupervisorProcess(SupervisorSpec spec, Pid starter, Pid parent) {
        this.spec = spec;
        this.starter = starter;
        this.parent = parent;
        this.children = new Children();
        this.window = new RestartWindow(spec.maxRestarts(), spec.period());
        this.calls = new SupervisorCalls(this);
    }

    @Override
    public void run() {
        Troupe.trapExit(true);
        children.label(label());
        ExitReason failure = init();
        if (failure != null) {
            LOG.error("supervisor {} failed to start: {}", label(), failure);
            if (parent != null) Troupe.unlink(parent);
            Troupe.send(starter, new InitAck(Troupe.self(), failure));
            Troupe.exit(failure);
        }
        Troupe.send(starter, new InitAck(Troupe.self(), null));
        loop();
    }

    private ExitReason init() {
        if (spec.name() != null) {
            try {
                Troupe.register(spec.name());
            } catch (RuntimeException e) {
                return ExitReason.Failure.of(e);
            }
        }
        spec.children().forEach(child -> children.add(new ChildSlot(child)));
        StartFailure failed = children.startFrom(0);
        if (failed == null) return null;
        children.terminateFrom(0);
        return ExitReason.of(new SupervisorFailure.StartFailed(failed.slot().id(), failed.reason()));
    }

    private void loop() {
        while (true) {
            switch (Troupe.receive()) {
                case Exit exit -> onExit(exit);
                case Request request -> calls.answer(request);
                case TryAgain again -> onTryAgain(again);
                case Object other -> LOG.warn("supervisor {} dropped an unexpected message: {}", label(), other);
            }
        }
    }

    private void onExit(Exit exit) {
        ChildSlot slot = children.byPid(exit.from());
        if (slot != null) {
            childExited(slot, exit.reason());
        } else if (isStopSignal(exit)) {
            shutdown(exit.reason());
        }
    }

    /** An exit signal that ends the supervisor: any from its parent, an abnormal one from a non-child. */
    private boolean isStopSignal(Exit exit) {
        return exit.from().equals(parent)
                || !(exit.reason() instanceof ExitReason.Normal) && children.byPid(exit.from()) == null;
    }

    private void childExited(ChildSlot slot, ExitReason reason) {
        children.exited(slot);
        if (!slot.spec.restart().restartsAfter(reason)) {
            if (slot.isTemporary()) children.remove(slot);
            return;
        }
        restart(slot, reason);
    }

    private void onTryAgain(TryAgain again) {
        ChildSlot slot = children.byId(again.id());
        if (slot != null && slot.pid == null) restart(slot, again.reason());
    }

    /** Restarts {@code slot} by the strategy, or gives up if that exceeds the restart intensity. */
    private void restart(ChildSlot slot, ExitReason reason) {
        // A stop signal already queued wins over a restart (the runtime may be shutting down).
        if (Troupe.receive(m -> m instanceof Exit exit && isStopSignal(exit), Duration.ZERO) instanceof Exit stop) {
            shutdown(stop.reason());
        }
        if (!window.allow(System.nanoTime())) {
            var failure = new SupervisorFailure.IntensityExceeded(spec.name(), spec.maxRestarts(), spec.period(), slot.id(), reason);
            LOG.error("supervisor {} gives up: {}", label(), failure);
            shutdown(ExitReason.of(failure));
        }
        restarts++;
        LOG.debug("supervisor {} restarting {} after {}", label(), slot, reason);
        StartFailure failed = switch (spec.strategy()) {
            case ONE_FOR_ONE -> {
                ExitReason startFailure = children.start(slot);
                yield startFailure == null ? null : new StartFailure(slot, startFailure);
            }
            case ONE_FOR_ALL -> {
                children.terminateFrom(0);
                yield children.startFrom(0);
            }
            case REST_FOR_ONE -> {
                int index = children.all().indexOf(slot);
                children.terminateFrom(index + 1);
                yield children.startFrom(index);
            }
        };
        if (failed != null) {
            LOG.warn("supervisor {}: restart of {} failed: {}; trying again", label(), failed.slot(), failed.reason());
            Troupe.send(Troupe.self(), new TryAgain(failed.slot().id(), failed.reason()));
        }
    }

    /** Stops all children in reverse order and exits with {@code reason}. Does not return. */
    void shutdown(ExitReason reason) {
        children.terminateFrom(0);
        Troupe.exit(reason);
    }

    String label() {
        return spec.name() != null ? spec.name() : Troupe.self().toString();
    }
}
