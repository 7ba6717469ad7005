package io.troupe.supervision.internal;

import io.troupe.ExitReason;
import io.troupe.Handler;
import io.troupe.Pid;
import io.troupe.ProcessExit;
import io.troupe.Troupe;

/**
 * Wraps a handler so that its starter learns how {@code init} went, as gen_server does. A failure
 * is acknowledged too, before the process dies: the starter links and then monitors (the core has
 * no atomic spawn-link-monitor), so a process that dies in between would otherwise report only
 * {@code noproc}.
 */
final class AckingHandler implements Handler {
    private final Handler delegate;
    private final Pid starter;

    AckingHandler(Handler delegate, Pid starter) {
        this.delegate = delegate;
        this.starter = starter;
    }

    @Override
    public void init() throws Exception {
        try {
            delegate.init();
        } catch (ProcessExit exit) {
            Troupe.send(starter, new Protocol.InitAck(Troupe.self(), exit.reason()));
            throw exit;
        } catch (Exception | Error e) {
            Troupe.send(starter, new Protocol.InitAck(Troupe.self(), ExitReason.Failure.of(e)));
            throw e;
        }
        Troupe.send(starter, new Protocol.InitAck(Troupe.self(), null));
    }

    @Override
    public void handle(Object message) throws Exception {
        delegate.handle(message);
    }
}
