package io.troupe.supervision.internal;

import io.troupe.ExitReason;
import io.troupe.Troupe;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.SupervisorException.Kind;
import io.troupe.supervision.internal.Protocol.CountRestarts;
import io.troupe.supervision.internal.Protocol.DeleteChild;
import io.troupe.supervision.internal.Protocol.Refusal;
import io.troupe.supervision.internal.Protocol.Reply;
import io.troupe.supervision.internal.Protocol.Request;
import io.troupe.supervision.internal.Protocol.RestartChild;
import io.troupe.supervision.internal.Protocol.StartChild;
import io.troupe.supervision.internal.Protocol.Stop;
import io.troupe.supervision.internal.Protocol.TerminateChild;
import io.troupe.supervision.internal.Protocol.WhichChildren;

/** Answers the dynamic-children requests inside a supervisor process (OTP's handle_call clauses). */
final class SupervisorCalls {
    private final SupervisorProcess supervisor;
    private final Children children;

    SupervisorCalls(SupervisorProcess supervisor) {
        this.supervisor = supervisor;
        this.children = supervisor.children;
    }

    void answer(Request request) {
        if (request.op() instanceof Stop) supervisor.shutdown(ExitReason.NORMAL); // does not return
        Object result = switch (request.op()) {
            case StartChild(ChildSpec spec) -> startChild(spec);
            case TerminateChild(String id) -> terminateChild(id);
            case RestartChild(String id) -> restartChild(id);
            case DeleteChild(String id) -> deleteChild(id);
            case WhichChildren ignored -> children.all().stream().map(ChildSlot::info).toList();
            case CountRestarts ignored -> supervisor.restarts;
            case Stop ignored -> throw new IllegalStateException("handled above");
        };
        Troupe.send(request.from(), new Reply(request.tag(), result));
    }

    private Object startChild(ChildSpec spec) {
        ChildSlot existing = children.byId(spec.id());
        if (existing != null) {
            return existing.pid != null
                    ? new Refusal(Kind.ALREADY_STARTED, "child '" + spec.id() + "' is already started", null, existing.pid)
                    : new Refusal(Kind.ALREADY_PRESENT, "child '" + spec.id() + "' is already present", null, null);
        }
        ChildSlot slot = new ChildSlot(spec);
        children.add(slot);
        ExitReason failure = children.start(slot);
        if (failure != null) {
            children.remove(slot);
            return startFailed(slot, failure);
        }
        if (slot.pid == null && slot.isTemporary()) children.remove(slot);
        return slot.pid;
    }

    private Object terminateChild(String id) {
        ChildSlot slot = children.byId(id);
        if (slot == null) return notFound(id);
        children.terminate(slot);
        if (slot.isTemporary()) children.remove(slot);
        return null;
    }

    private Object restartChild(String id) {
        ChildSlot slot = children.byId(id);
        if (slot == null) return notFound(id);
        if (slot.pid != null) return running(id);
        ExitReason failure = children.start(slot);
        return failure != null ? startFailed(slot, failure) : slot.pid;
    }

    private Object deleteChild(String id) {
        ChildSlot slot = children.byId(id);
        if (slot == null) return notFound(id);
        if (slot.pid != null) return running(id);
        children.remove(slot);
        return null;
    }

    private static Refusal notFound(String id) {
        return new Refusal(Kind.NOT_FOUND, "no child '" + id + "'", null, null);
    }

    private static Refusal running(String id) {
        return new Refusal(Kind.RUNNING, "child '" + id + "' is running", null, null);
    }

    private static Refusal startFailed(ChildSlot slot, ExitReason reason) {
        return new Refusal(Kind.START_FAILED, "child '" + slot.id() + "' failed to start: " + reason, reason, null);
    }
}
