package io.troupe.node.internal;

import io.troupe.Name;
import io.troupe.Pid;
import io.troupe.Troupe;
import io.troupe.node.Node;
import io.troupe.node.NodeOptions;
import io.troupe.node.OverflowPolicy;
import io.troupe.node.spi.Discovery;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A peer that sends garbage, oversized frames and malformed messages; the node keeps serving others. */
class HostilePeerTest {
    private static final String COOKIE = "hostile-test";
    private final Discovery discovery = Discovery.inMemory();
    private final CopyOnWriteArrayList<Object> received = new CopyOnWriteArrayList<>();
    private Node target;
    private Node friend;

    @BeforeEach
    void start() throws IOException {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        String prefix = "h" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100000;
        target = Node.start(NodeOptions.named(prefix + "target@localhost").withCookie(COOKIE).withDiscovery(discovery)
                .withMaxFrameSize(64 * 1024));
        friend = Node.start(NodeOptions.named(prefix + "friend@localhost").withCookie(COOKIE).withDiscovery(discovery));
        Pid sink = target.runtime().spawn(() -> {
            while (true) received.add(Troupe.receive());
        });
        target.runtime().register("sink", sink);
    }

    @AfterEach
    void stop() {
        friend.close();
        target.close();
    }

    private void friendStillServed(String text) {
        friend.runtime().run(() -> Troupe.send(Name.of("sink", target.node()), text));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(text));
    }

    private SocketChannel dial() throws IOException {
        URI address = target.address();
        return SocketChannel.open(new InetSocketAddress(address.getHost(), address.getPort()));
    }

    /** Completes a real handshake as node {@code name}; returns the socket, ready for frames. */
    private ChannelWire handshake(String name) throws IOException {
        ChannelWire wire = new ChannelWire(dial(), "test");
        Identity self = new Identity(name, 12345, COOKIE.getBytes(StandardCharsets.UTF_8), URI.create("tcp://127.0.0.1:1"),
                ((NodeImpl) target).identity().codec());
        Handshake.dial(new HandshakeIO(wire, 64 * 1024), self, target.node());
        return wire;
    }

    @Test
    void aPeerThatStopsReadingIsDisconnectedWhenItsQueueIsFull() throws Exception {
        try (Node sender = Node.start(NodeOptions.named("s" + ProcessHandle.current().pid() + "sender@localhost")
                .withCookie(COOKIE).withDiscovery(discovery).withOutboundQueue(1000, OverflowPolicy.DISCONNECT));
             ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            String silent = "silent" + System.nanoTime() % 100000 + "@test";
            discovery.publish(silent, URI.create("tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort()));
            Thread.ofVirtual().start(() -> {
                try {
                    ChannelWire wire = new ChannelWire(server.accept(), "sender");
                    Identity self = new Identity(silent, 777, COOKIE.getBytes(StandardCharsets.UTF_8), URI.create("tcp://127.0.0.1:1"),
                            ((NodeImpl) target).identity().codec());
                    Handshake.accept(new HandshakeIO(wire, 4096), self, peer -> new Connection((NodeImpl) target, peer.node(),
                            Connection.State.ACCEPTING));
                    // then never read again
                } catch (IOException e) {
                    // the test fails on its own assertions
                }
            });
            Pid nobodyReads = new Fake(silent, 1, 777);
            byte[] kilobyte = new byte[1024];
            sender.runtime().run(() -> {
                for (int i = 0; i < 200_000 && sender.stats().droppedMessages() == 0; i++) Troupe.send(nobodyReads, kilobyte);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> sender.stats().droppedMessages() > 0 && !sender.nodes().contains(silent));
        }
    }

    private record Fake(String node, long id, int creation) implements Pid {
        @Override
        public boolean equals(Object other) {
            return Pid.equals(this, other);
        }

        @Override
        public int hashCode() {
            return Pid.hashCode(this);
        }
    }

    @Test
    void aPeerWhoseCodecNumbersTypesDifferentlyIsRefused() throws Exception {
        try (ChannelWire wire = new ChannelWire(dial(), "test")) {
            Identity self = new Identity("other-version@test", 1, COOKIE.getBytes(StandardCharsets.UTF_8),
                    URI.create("tcp://127.0.0.1:1"), "fory-0.0-0000000000000000");
            assertThatThrownBy(() -> Handshake.dial(new HandshakeIO(wire, 4096), self, target.node()))
                    .isInstanceOf(HandshakeException.class).hasMessageContaining("encodes messages differently");
        }
        friendStillServed("after a version mismatch");
    }

    @Test
    void garbageInsteadOfAHandshakeIsDropped() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            try (SocketChannel socket = dial()) {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                for (int j = 0; j < junk.length; j++) junk[j] = (byte) random.nextInt(256);
                socket.write(ByteBuffer.wrap(junk));
                socket.shutdownOutput();
                ByteBuffer sink = ByteBuffer.allocate(4096);
                while (socket.read(sink.clear()) >= 0) {
                    // until the node closes
                }
            }
        }
        friendStillServed("after garbage");
        assertThat(target.stats().refusedConnections()).isGreaterThanOrEqualTo(20);
        assertThat(target.nodes()).containsExactly(friend.node());
    }

    @Test
    void anOversizedFrameClosesOnlyThatConnection() throws Exception {
        friendStillServed("before");
        try (ChannelWire wire = handshake("oversized@test")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> target.nodes().contains("oversized@test"));
            ByteBuffer frame = ByteBuffer.allocate(16).putInt(10_000_000).put(Frames.SEND).flip();
            wire.write(frame);
            await().atMost(Duration.ofSeconds(5)).until(() -> !target.nodes().contains("oversized@test"));
        }
        friendStillServed("after oversized");
    }

    @Test
    void malformedAndUnknownFramesAreSkippedAndCounted() throws Exception {
        try (ChannelWire wire = handshake("sloppy@test")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> target.nodes().contains("sloppy@test"));
            ByteBuffer frames = ByteBuffer.allocate(4096);
            frames.putInt(1 + 3).put((byte) 99).put(new byte[] {1, 2, 3});                   // unknown type
            frames.putInt(1 + 4).put(Frames.SEND).put(new byte[] {9, 9, 9, 9});              // bad pid tag
            frames.putInt(1 + 6).put(Frames.SEND).put(new byte[] {1, 1, 0x7f, 0x7f, 0x7f, 0x7f}); // bad payload
            frames.putInt(1 + 2).put(Frames.SEND_NAME).put(new byte[] {0, 40});              // string past the end
            frames.flip();
            wire.write(frames);
            await().atMost(Duration.ofSeconds(5)).until(() -> target.stats().rejectedMessages() >= 4);
            assertThat(target.nodes()).contains("sloppy@test");
        }
        friendStillServed("after malformed");
    }
}
