package io.troupe.server.protocol;

/** The package types of the pomelo package layer (the first byte of every package). */
public enum PackageType {
    /** Client → server handshake request, then server → client handshake response; UTF-8 JSON body. */
    HANDSHAKE(1),
    /** Client → server acknowledgement of the handshake response; empty body. */
    HANDSHAKE_ACK(2),
    /** Both directions; empty body. */
    HEARTBEAT(3),
    /** Both directions; the body is a {@link Message}. */
    DATA(4),
    /** Server → client; JSON body {@code {"reason":"…"}}, then the server closes. */
    KICK(5);

    private static final PackageType[] BY_CODE = {null, HANDSHAKE, HANDSHAKE_ACK, HEARTBEAT, DATA, KICK};

    private final int code;

    PackageType(int code) {
        this.code = code;
    }

    /** The wire value (1..5). */
    public int code() {
        return code;
    }

    /** The type for a wire value, or {@code null} when the value names no type. */
    public static PackageType of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
