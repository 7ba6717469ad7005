package io.troupe.examples.pinuschat;

import java.util.List;

/** The chat servers' remote (pinus's {@code chat.chatRemote}), called by connectors. */
public interface ChatRemote {

    /** Adds {@code uid} (name*room) on frontend {@code sid} to room {@code rid}; returns the room's user names. */
    List<String> add(String uid, String sid, String rid, boolean flag);

    /** Removes {@code uid} from room {@code rid} and tells the others. */
    void kick(String uid, String sid, String rid);
}
