package io.troupe.supervision.internal;

import io.troupe.ExitReason;
import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.supervision.ChildSpec;
import io.troupe.supervision.SupervisorException;

/**
 * The messages between a supervisor, its callers and the processes it starts. Like OTP's
 * {@code '$gen_call'}, requests are tagged (with the caller's monitor reference on the supervisor)
 * and replies carry the tag, so a caller can pick its reply out of a busy mailbox.
 */
final class Protocol {
    private Protocol() {
    }

    /** What a caller asks a supervisor to do. */
    sealed interface Op permits StartChild, TerminateChild, RestartChild, DeleteChild, WhichChildren, CountRestarts, Stop {
    }

    record StartChild(ChildSpec spec) implements Op {}
    record TerminateChild(String id) implements Op {}
    record RestartChild(String id) implements Op {}
    record DeleteChild(String id) implements Op {}
    record WhichChildren() implements Op {}
    record CountRestarts() implements Op {}
    /** Stop the children and exit normally; answered by the {@code Down}, not by a reply. */
    record Stop() implements Op {}

    /** A call: {@code op} from {@code from}, to be answered with a {@link Reply} carrying {@code tag}. */
    record Request(Ref tag, Pid from, Op op) {}

    /** The answer to a {@link Request}: a result (possibly null) or a {@link Refusal}. */
    record Reply(Ref tag, Object value) {}

    /** An OTP {@code {error, ...}} answer, turned into a {@link SupervisorException} by the caller. */
    record Refusal(SupervisorException.Kind kind, String message, ExitReason reason, Pid pid) {
        SupervisorException toException() {
            return new SupervisorException(kind, message, reason, pid);
        }
    }

    /**
     * Sent by a process that starts synchronously (a supervisor, a handler's {@code init}) to the
     * process starting it, as {@code proc_lib:init_ack}: {@code failure == null} means started.
     */
    record InitAck(Pid pid, ExitReason failure) {}

    /** A supervisor's note to itself to retry a restart that failed (OTP's {@code try_again_restart}). */
    record TryAgain(String id, ExitReason reason) {}
}
