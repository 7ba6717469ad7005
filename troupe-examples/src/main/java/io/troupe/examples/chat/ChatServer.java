package io.troupe.examples.chat;

import io.troupe.Pid;
import io.troupe.TroupeRuntime;

/**
 * The server side of the chat: the broadcaster and the receptionist, registered as
 * {@value ChatProtocol#BROADCASTER} and {@value ChatProtocol#RECEPTIONIST}.
 *
 * @param receptionist the receptionist process
 * @param broadcaster  the broadcaster process
 */
public record ChatServer(Pid receptionist, Pid broadcaster) {

    /** Starts the server processes in {@code runtime} and registers their names. */
    public static ChatServer start(TroupeRuntime runtime) {
        Pid broadcaster = runtime.spawn(new Broadcaster());
        runtime.register(ChatProtocol.BROADCASTER, broadcaster);
        Pid receptionist = runtime.spawn(new Receptionist(broadcaster));
        runtime.register(ChatProtocol.RECEPTIONIST, receptionist);
        return new ChatServer(receptionist, broadcaster);
    }
}
