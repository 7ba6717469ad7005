package io.troupe.node.internal;

import io.troupe.Pid;
import io.troupe.Ref;
import io.troupe.spi.RuntimeEndpoint;

import java.nio.ByteBuffer;

/*
 * Pids and refs on one connection, compressed against its two ends. A pid is
 *
 *     tag 0: a pid of the writing node (its current creation)  id:varint
 *     tag 1: a pid of the reading node (its current creation)  id:varint
 *     tag 2: any other pid                                     node:str creation:int32 id:varint
 *
 * and a ref is the same without the creation. Both ends know the names and creations from the
 * handshake, so most pids take 2-4 bytes. The reading side keeps small direct-mapped caches of the
 * pids it resolved, so a stream of messages to one process resolves it once: a cached local pid is
 * the process itself (a dead process just drops messages, and ids are never reused).
 */
final class PidFormat {
    private static final int CACHE = 256;

    private final String self;
    private final int selfCreation;
    private final String peer;
    private final int peerCreation;
    private final RuntimeEndpoint endpoint;
    private final NodeNames names = new NodeNames();
    private final Pid[] selfPids = new Pid[CACHE];   // reader-owned
    private final Pid[] peerPids = new Pid[CACHE];   // reader-owned

    PidFormat(String self, int selfCreation, String peer, int peerCreation, RuntimeEndpoint endpoint) {
        this.self = self;
        this.selfCreation = selfCreation;
        this.peer = peer;
        this.peerCreation = peerCreation;
        this.endpoint = endpoint;
    }

    /** The most bytes {@link #put(ByteBuffer, Pid)} writes. */
    static int maxBytes(Pid pid) {
        return 1 + 10 + 4 + Frames.maxStringBytes(pid.node());
    }

    void put(ByteBuffer out, Pid pid) {
        String node = pid.node();
        if (pid.creation() == selfCreation && (node == self || node.equals(self))) {
            out.put((byte) 0);
        } else if (pid.creation() == peerCreation && (node == peer || node.equals(peer))) {
            out.put((byte) 1);
        } else {
            out.put((byte) 2);
            Frames.putString(out, node);
            out.putInt(pid.creation());
        }
        Frames.putVarLong(out, pid.id());
    }

    Pid get(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case 0 -> cached(peerPids, peer, peerCreation, Frames.getVarLong(in));
            case 1 -> cached(selfPids, self, selfCreation, Frames.getVarLong(in));
            case 2 -> {
                String node = names.intern(Frames.getString(in));
                int creation = in.getInt();
                yield endpoint.pid(node, Frames.getVarLong(in), creation);
            }
            default -> throw new IllegalArgumentException("bad pid tag " + tag);
        };
    }

    private Pid cached(Pid[] cache, String node, int creation, long id) {
        int slot = (int) id & (CACHE - 1);
        Pid pid = cache[slot];
        if (pid == null || pid.id() != id) {
            pid = endpoint.pid(node, id, creation);
            cache[slot] = pid;
        }
        return pid;
    }

    void put(ByteBuffer out, Ref ref) {
        String node = ref.node();
        if (node == self || node.equals(self)) {
            out.put((byte) 0);
        } else if (node == peer || node.equals(peer)) {
            out.put((byte) 1);
        } else {
            out.put((byte) 2);
            Frames.putString(out, node);
        }
        Frames.putVarLong(out, ref.id());
    }

    Ref getRef(ByteBuffer in) {
        byte tag = in.get();
        String node = switch (tag) {
            case 0 -> peer;
            case 1 -> self;
            case 2 -> names.intern(Frames.getString(in));
            default -> throw new IllegalArgumentException("bad ref tag " + tag);
        };
        return new Ref(node, Frames.getVarLong(in));
    }
}
