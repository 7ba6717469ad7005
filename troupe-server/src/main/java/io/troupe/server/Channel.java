package io.troupe.server;

import java.util.List;
import java.util.Optional;

/**
 * A named group of users to push to (pinus's channel, a room): members are uids with the
 * frontend server their session is on. A channel lives on the server that created it.
 *
 * <p>Thread-safe. {@link #pushMessage} takes a snapshot of the members when called: a user
 * added afterwards does not receive it (so "tell the others, then add" never notifies the new
 * user about itself, unlike pinus).
 */
public interface Channel {

    String name();

    /** Adds {@code uid} on frontend {@code frontendId}; returns {@code false} if it was a member already. */
    boolean add(String uid, String frontendId);

    /** Removes {@code uid}; returns whether it was a member. */
    boolean leave(String uid);

    /** The member uids, in the order they joined. */
    List<String> members();

    /** The frontend server of member {@code uid}. */
    Optional<String> frontendOf(String uid);

    int size();

    /**
     * Pushes {@code message} under {@code route} to every member: one message per frontend
     * server, which encodes the frame once and writes it to each of its sessions of those uids.
     * Pushes from one server to one frontend arrive in order. Never blocks; pushes to users that
     * are gone are dropped and counted on their frontend.
     */
    void pushMessage(String route, Object message);

    /** Pushes to the listed members only (unknown uids are skipped). */
    void pushMessage(String route, Object message, List<String> uids);
}
