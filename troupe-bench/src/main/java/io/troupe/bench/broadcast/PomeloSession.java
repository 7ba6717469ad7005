package io.troupe.bench.broadcast;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A pomelo hybrid-connector client over WebSocket (binary frames, possibly several packages
 * each): handshake → handshake ack → request {@code connector.entryHandler.entry {uid, room}};
 * the response joins it. Receivers join room {@code room}, the sender joins {@code senders} and
 * sends notifies {@code chat.chatHandler.send {msg, room}}. Deliveries are pushes. Heartbeats are
 * answered one interval after the server's, as the reference JS client does.
 */
final class PomeloSession extends Session {
    static final String PATH = "/";
    static final String ENTRY_ROUTE = "connector.entryHandler.entry";
    static final String SEND_ROUTE = "chat.chatHandler.send";
    private static final String HANDSHAKE =
            "{\"sys\":{\"type\":\"troupe-bench\",\"version\":\"0.0.1\",\"rsa\":{}},\"user\":{}}";
    private static final int ENTRY_ID = 1;

    private enum State { AWAIT_HANDSHAKE, AWAIT_ENTRY, WORKING }

    private State state = State.AWAIT_HANDSHAKE;
    private int heartbeatSeconds;

    PomeloSession(int index, boolean receiver, LoadStats stats, Events events) {
        super(index, receiver, stats, events);
    }

    @Override
    void opened() {
        send(Pomelo.pkg(channel.alloc(), Pomelo.HANDSHAKE, HANDSHAKE), true);
    }

    @Override
    void frame(ByteBuf data) {
        int i = data.readerIndex();
        int end = data.writerIndex();
        for (int packages = 0; i + Pomelo.HEADER <= end && packages < 1024; packages++) {
            int type = data.getUnsignedByte(i);
            int length = data.getUnsignedMedium(i + 1);
            int body = i + Pomelo.HEADER;
            if (body + length > end) { fail("truncated pomelo package"); return; }
            handle(type, data, body, body + length);
            i = body + length;
        }
    }

    private void handle(int type, ByteBuf data, int from, int to) {
        switch (type) {
            case Pomelo.DATA -> {
                int flag = data.getUnsignedByte(from);
                int kind = Pomelo.messageType(flag);
                int body = Pomelo.messageBody(data, from, to);
                if (body < 0) return;
                if (kind == Pomelo.PUSH) {
                    long sent = Payload.timestamp(data, body, to);
                    if (sent != Long.MIN_VALUE) stats.delivered(sent);
                } else if (kind == Pomelo.RESPONSE && state == State.AWAIT_ENTRY) {
                    String json = data.toString(body, to - body, StandardCharsets.UTF_8);
                    if (Pomelo.jsonInt(json, "code", 0) != 200) { fail("entry refused: " + json); return; }
                    state = State.WORKING;
                    markJoined();
                }
            }
            case Pomelo.HEARTBEAT -> {
                if (heartbeatSeconds > 0) {
                    channel.eventLoop().schedule(() -> {
                        if (channel.isActive()) send(Pomelo.pkg(channel.alloc(), Pomelo.HEARTBEAT, ""), true);
                    }, heartbeatSeconds, TimeUnit.SECONDS);
                }
            }
            case Pomelo.HANDSHAKE -> {
                if (state != State.AWAIT_HANDSHAKE) return;
                String json = data.toString(from, to - from, StandardCharsets.UTF_8);
                if (Pomelo.jsonInt(json, "code", 0) != 200) { fail("handshake refused: " + json); return; }
                heartbeatSeconds = Pomelo.jsonInt(json, "heartbeat", 0);
                state = State.AWAIT_ENTRY;
                send(Pomelo.pkg(channel.alloc(), Pomelo.HANDSHAKE_ACK, ""), false);
                // Short uids: pinus pushes to a channel with one RPC carrying every member's uid, and
                // its default RPC drops messages over 64 KB (seen above ~8k members of 5-char uids).
                String uid = receiver ? Integer.toString(index, 36) : "sender" + index;
                String entry = "{\"uid\":\"" + uid + "\",\"room\":\"" + (receiver ? "room" : "senders") + "\"}";
                send(Pomelo.message(channel.alloc(), ENTRY_ID, ENTRY_ROUTE, entry), true);
            }
            case Pomelo.KICK -> fail("kicked: " + data.toString(from, to - from, StandardCharsets.UTF_8));
            default -> { }
        }
    }

    @Override
    void writeBroadcast() {
        String body = "{\"msg\":\"" + Payload.text(System.nanoTime()) + "\",\"room\":\"room\"}";
        send(Pomelo.message(channel.alloc(), 0, SEND_ROUTE, body), false);
    }

    private void send(ByteBuf pkg, boolean flush) {
        BinaryWebSocketFrame frame = new BinaryWebSocketFrame(pkg);
        if (flush) channel.writeAndFlush(frame, channel.voidPromise());
        else channel.write(frame, channel.voidPromise());
    }
}
