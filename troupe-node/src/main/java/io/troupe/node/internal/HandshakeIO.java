package io.troupe.node.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Frame input and output for the handshake, before the reader and writer threads exist. Reads are
 * buffered; bytes that arrive after the last handshake frame stay in {@link #buffer()} for the
 * reader. Handshake frames are small: a bigger length means the peer is not a Troupe node.
 */
final class HandshakeIO {
    static final int MAX_HANDSHAKE_FRAME = 4096;

    private final Wire wire;
    private final ByteBuffer in;   // write mode: data between 0 and position

    HandshakeIO(Wire wire, int bufferSize) {
        this.wire = wire;
        this.in = wire.allocate(bufferSize);
    }

    void send(byte type, ByteBuffer body) throws IOException {
        body.flip();
        ByteBuffer frame = wire.allocate(Frames.HEADER + body.remaining());
        frame.putInt(1 + body.remaining()).put(type).put(body).flip();
        wire.write(frame);
    }

    /** Reads one frame: its type, and its body as a buffer of its own. */
    Frame receive() throws IOException {
        while (in.position() < 4) fill();
        int length = in.getInt(0);
        if (length < 1 || length > MAX_HANDSHAKE_FRAME) {
            throw new HandshakeException(Handshake.NOT_TROUPE, "not a Troupe node: its first frame announces "
                    + length + " bytes");
        }
        while (in.position() < 4 + length) fill();
        byte type = in.get(4);
        ByteBuffer view = in.duplicate();
        view.limit(4 + length).position(Frames.HEADER);
        ByteBuffer body = ByteBuffer.allocate(length - 1).put(view).flip();
        in.flip();
        in.position(4 + length);
        in.compact();
        return new Frame(type, body);
    }

    private void fill() throws IOException {
        if (wire.read(in) < 0) throw new EOFException("connection closed during the handshake");
    }

    /** The bytes read beyond the handshake, in write mode, for the reader. */
    ByteBuffer buffer() {
        return in;
    }

    record Frame(byte type, ByteBuffer body) {
    }
}
