package io.troupe.node.internal;

import io.troupe.node.IoThreads;
import io.troupe.node.OverflowPolicy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Overview: the link to one peer node, whatever carries it. It exists before its socket does: the
 * first send creates it (DIALING) and queues, so concurrent first sends share one connection
 * attempt, and messages queued while dialing go out once it is up, in order.
 *
 *   DIALING ──dial done──► ACTIVE ──fail──► CLOSED
 *      │ lost the tie-break (the peer dials us too)        ▲
 *      ▼                                                   │ any failure or timeout
 *   WAITING ──the peer's dial arrives──► ACCEPTING ──► ACTIVE
 *   (an inbound connection with no DIALING one starts at ACCEPTING)
 *
 * State changes happen under `lock` (never held while blocking). fail() runs once: it removes the
 * connection from the registry, closes the socket and reports the node down (links, monitors,
 * node monitors, global names). The writer drops what is left in the queue.
 */
final class Connection {
    enum State { DIALING, WAITING, ACCEPTING, ACTIVE, CLOSED }

    final String peer;
    final NodeImpl node;
    final OutboundQueue queue;
    final CompletableFuture<Boolean> up = new CompletableFuture<>();
    volatile long lastRead;
    volatile long lastWrite;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state;
    private volatile boolean closing;
    private volatile int peerCreation;
    private volatile URI peerAddress;
    private Wire wire;
    private Thread writerThread;
    private volatile FrameWriter writer;

    Connection(NodeImpl node, String peer, State initial) {
        this.node = node;
        this.peer = peer;
        this.state = initial;
        this.queue = new OutboundQueue();
    }

    State state() {
        return state;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    boolean isClosing() {
        return closing;
    }

    int peerCreation() {
        return peerCreation;
    }

    URI peerAddress() {
        return peerAddress;
    }

    /** Queues a message or signal. Never blocks. */
    void enqueue(Outbound entry) {
        if (state == State.CLOSED) {
            dropped(entry);
            return;
        }
        boolean isMessage = entry.kind == Frames.SEND || entry.kind == Frames.SEND_NAME;
        if (isMessage && queue.size() >= node.options().outboundQueueLimit()) {
            overflow(entry);
            return;
        }
        // signals bypass the bound: they are few and must not be lost silently
        if (queue.offer(entry)) {
            FrameWriter current = writer;
            if (current != null) current.writeDirectOrWake(); else queue.wake();
        }
        if (state == State.CLOSED) dropped(entry); // raced with fail(): see Distributor
    }

    private void overflow(Outbound entry) {
        node.counters().dropped.increment();
        if (node.options().overflowPolicy() == OverflowPolicy.DROP) {
            node.warnRateLimited("overflow:" + peer, "dropped a message to " + peer + ": its outbound queue holds "
                    + node.options().outboundQueueLimit() + " messages (OverflowPolicy.DROP)", null);
        } else {
            fail("its outbound queue reached " + node.options().outboundQueueLimit()
                    + " messages (the peer does not keep up; OverflowPolicy.DISCONNECT)", true);
        }
    }

    private void dropped(Outbound entry) {
        node.counters().dropped.increment();
        if (entry.expectsAnswer()) node.nodeDownLater(peer);
    }

    /** An inbound connection was admitted for this peer (Connections holds its admission lock). */
    boolean beginAccepting() {
        lock.lock();
        try {
            if (state == State.ACTIVE || state == State.CLOSED || state == State.ACCEPTING) return false;
            state = State.ACCEPTING;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the reader and writer on {@code wire}. An outbound dial activates only a DIALING
     * connection (an admitted inbound one has taken over otherwise); an inbound one only ACCEPTING.
     */
    boolean activate(Wire socket, Handshake.Peer peerInfo, ByteBuffer leftover, boolean outbound) {
        FrameReader reader;
        PidFormat pids = new PidFormat(node.node(), node.creation(), peer, peerInfo.creation(), node.endpoint());
        FrameWriter writer = new FrameWriter(this, socket, node.newCodec(), pids, node.options().maxFrameSize(), node.counters());
        reader = new FrameReader(this, socket, node.newCodec(), pids, node.endpoint(), node.options().maxFrameSize(),
                node.counters(), leftover);
        lock.lock();
        try {
            if (state != (outbound ? State.DIALING : State.ACCEPTING)) return false;
            wire = socket;
            peerCreation = peerInfo.creation();
            peerAddress = peerInfo.address();
            lastRead = lastWrite = System.nanoTime();
            state = State.ACTIVE;
            boolean platform = node.options().ioThreads() == IoThreads.PLATFORM;
            this.writer = writer;
            writerThread = (platform ? Thread.ofPlatform().daemon(true) : Thread.ofVirtual()).name("troupe-writer-" + peer).start(writer);
            (platform ? Thread.ofPlatform().daemon(true) : Thread.ofVirtual()).name("troupe-reader-" + peer).start(reader);
        } finally {
            lock.unlock();
        }
        up.complete(true);
        node.peers().connectionUp(this, outbound, socket.remote());
        return true;
    }

    /** Our dial was refused because the peer's dial to us wins: wait for it. */
    void lostTieBreak() {
        lock.lock();
        try {
            if (state != State.DIALING) return;
            state = State.WAITING;
        } finally {
            lock.unlock();
        }
        node.scheduler().schedule(() -> {
            if (state == State.WAITING) fail("its connection to us did not arrive in time", true);
        }, node.options().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Our dial failed; ignored if an inbound connection has taken over. */
    void dialFailed(String reason) {
        State now = state;
        if (now == State.DIALING || now == State.WAITING) fail(reason, true);
    }

    /** Flushes what is queued (bounded by {@code deadlineNanos}), then closes. */
    void closeGracefully(long deadlineNanos) {
        closing = true;
        queue.wake();
        Thread writer;
        lock.lock();
        try {
            writer = writerThread;
        } finally {
            lock.unlock();
        }
        if (writer != null) {
            try {
                writer.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("node " + node.node() + " is closing", false);
    }

    /** Ends the connection, once; reports the peer down. */
    void fail(String reason, boolean unexpected) {
        State previous;
        Wire socket;
        lock.lock();
        try {
            previous = state;
            if (previous == State.CLOSED) return;
            state = State.CLOSED;
            socket = wire;
        } finally {
            lock.unlock();
        }
        node.connections().remove(this);
        if (socket != null) socket.close();
        queue.wake();
        if (writerThread == null) {
            while (queue.size() > 0 && queue.poll() != null) node.counters().dropped.increment();
        }
        up.complete(false);
        node.peers().connectionDown(this, previous, reason, unexpected);
    }

    @Override
    public String toString() {
        return "connection to " + peer + " (" + state + ")";
    }
}
