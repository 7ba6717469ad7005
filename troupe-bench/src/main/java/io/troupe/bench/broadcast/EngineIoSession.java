package io.troupe.bench.broadcast;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * A socket.io v5 client over Engine.IO v4 on WebSocket (text frames, one packet each):
 * server {@code 0{open}} → client {@code 40} → server {@code 40{sid}} → receivers send
 * {@code 420["join"]} and wait for the ack {@code 430[]}. Pings {@code 2} are answered with
 * {@code 3}; events {@code 42["msg","<payload>"]} are deliveries.
 */
final class EngineIoSession extends Session {
    /** The handshake path; the peer serves socket.io at its default path. */
    static final String PATH = "/socket.io/?EIO=4&transport=websocket";

    private enum State { AWAIT_OPEN, AWAIT_CONNECT, AWAIT_JOIN_ACK, WORKING }

    private State state = State.AWAIT_OPEN;

    EngineIoSession(int index, boolean receiver, LoadStats stats, Events events) {
        super(index, receiver, stats, events);
    }

    @Override
    void opened() {
        // the server speaks first (open packet)
    }

    @Override
    void frame(ByteBuf data) {
        int from = data.readerIndex();
        int length = data.readableBytes();
        if (length == 0) return;
        byte type = data.getByte(from);
        if (type == '2' && length == 1) { // Engine.IO ping
            send("3", true);
            return;
        }
        switch (state) {
            case WORKING -> {
                if (type == '4' && length > 2 && data.getByte(from + 1) == '2') {
                    long sent = Payload.timestamp(data, from + 2, from + length);
                    if (sent != Long.MIN_VALUE) stats.delivered(sent);
                }
            }
            case AWAIT_OPEN -> {
                if (type != '0') { fail("expected an Engine.IO open packet"); return; }
                state = State.AWAIT_CONNECT;
                send("40", true);
            }
            case AWAIT_CONNECT -> {
                if (type == '4' && length > 1 && data.getByte(from + 1) == '0') {
                    if (receiver) {
                        state = State.AWAIT_JOIN_ACK;
                        send("420[\"join\"]", true);
                    } else {
                        state = State.WORKING;
                        markJoined();
                    }
                } else if (type == '4' && length > 1 && data.getByte(from + 1) == '4') {
                    fail("socket.io connect error: " + data.toString(StandardCharsets.UTF_8));
                }
            }
            case AWAIT_JOIN_ACK -> {
                if (type == '4' && length > 2 && data.getByte(from + 1) == '3' && data.getByte(from + 2) == '0') {
                    state = State.WORKING;
                    markJoined();
                }
            }
        }
    }

    @Override
    void writeBroadcast() {
        send("42[\"msg\",\"" + Payload.text(System.nanoTime()) + "\"]", false);
    }

    private void send(String text, boolean flush) {
        TextWebSocketFrame frame = new TextWebSocketFrame(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        if (flush) channel.writeAndFlush(frame, channel.voidPromise());
        else channel.write(frame, channel.voidPromise());
    }
}
