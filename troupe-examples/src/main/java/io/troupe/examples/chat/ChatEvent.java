package io.troupe.examples.chat;

import io.troupe.Pid;

/**
 * What a client process reports to its observer (the program or test that runs it), as messages:
 * the observer sees the conversation without sharing any state with the clients.
 * {@code nanos} is {@link System#nanoTime()} on the client's node when it happened.
 */
public sealed interface ChatEvent {
    /** The client that reports. */
    String client();

    /** When, in {@link System#nanoTime()} of the client's node. */
    long nanos();

    /** The client got its seat. */
    record ClientJoined(String client, Pid seat, long nanos) implements ChatEvent {}

    /** The client (a speaker) sent a line to its seat. */
    record Spoke(String client, String text, long nanos) implements ChatEvent {}

    /** The client received a line said by {@code from}. */
    record Heard(String client, String from, String text, long nanos) implements ChatEvent {}

    /** The client told its seat it leaves. */
    record ClientLeft(String client, long nanos) implements ChatEvent {}

    /** The client could not join (no answer from the receptionist). */
    record JoinFailed(String client, String why, long nanos) implements ChatEvent {}
}
