package io.troupe.server.protocol;

/** The message types of the pomelo message layer (bits 1–3 of the flag byte). */
public enum MessageType {
    /** Client → server, with an id and a route; answered by a {@link #RESPONSE} with the same id. */
    REQUEST(0, true, true),
    /** Client → server, with a route and no id; never answered. */
    NOTIFY(1, false, true),
    /** Server → client, with the request's id and no route. */
    RESPONSE(2, true, false),
    /** Server → client, with a route and no id. */
    PUSH(3, false, true);

    private final int code;
    private final boolean hasId;
    private final boolean hasRoute;

    MessageType(int code, boolean hasId, boolean hasRoute) {
        this.code = code;
        this.hasId = hasId;
        this.hasRoute = hasRoute;
    }

    /** The wire value (0..3). */
    public int code() {
        return code;
    }

    /** Whether messages of this type carry a varint id. */
    public boolean hasId() {
        return hasId;
    }

    /** Whether messages of this type carry a route. */
    public boolean hasRoute() {
        return hasRoute;
    }

    /** The type for a wire value, or {@code null}. */
    public static MessageType of(int code) {
        return switch (code) {
            case 0 -> REQUEST;
            case 1 -> NOTIFY;
            case 2 -> RESPONSE;
            case 3 -> PUSH;
            default -> null;
        };
    }
}
