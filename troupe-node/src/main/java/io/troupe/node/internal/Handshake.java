package io.troupe.node.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/*
 * The connection handshake: version check, names and creations, and a mutual cookie
 * challenge-response with HMAC-SHA256. The cookie never crosses the wire.
 *
 *   dialer D                                           acceptor A
 *   HELLO     magic version D creationD nonceD addrD codecD ─►
 *                                                   ◄─ CHALLENGE magic version A creationA nonceA codecA
 *   (either side refuses a peer whose codec fingerprint differs: BAD_VERSION)
 *   PROOF     HMAC(cookie, "troupe/1 dialer" D A nonceA nonceD) ─►
 *                  A checks the proof (wrong: REFUSE BAD_COOKIE), then admits D (tie-break,
 *                  duplicates: REFUSE SIMULTANEOUS / DUPLICATE)
 *                                                   ◄─ ACCEPT HMAC(cookie, "troupe/1 acceptor" A D nonceD nonceA)
 *   D checks A's proof; both start their reader and writer.
 *
 * Role labels and both names in the MAC stop reflection and relay of proofs; fresh 32-byte nonces
 * stop replay. Every refusal is logged by both sides (see Connections).
 */
final class Handshake {
    static final int MAGIC = 0x54525550; // "TRUP"
    static final short VERSION = 1;

    static final int NOT_TROUPE = 0;
    static final int BAD_COOKIE = 1;
    static final int SIMULTANEOUS = 2;
    static final int DUPLICATE = 3;
    static final int BAD_VERSION = 4;
    static final int WRONG_NODE = 5;
    static final int SHUTTING_DOWN = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The other end, as the handshake established it. */
    record Peer(String node, int creation, URI address) {
    }

    /** An admitted inbound connection and who is on the other end. */
    record Accepted(Connection connection, Peer peer) {
    }

    /** Decides whether an authenticated dialer gets a connection; throws a refusal otherwise. */
    interface Admission {
        Connection admit(Peer peer) throws HandshakeException;
    }

    private Handshake() {
    }

    static Peer dial(HandshakeIO io, Identity self, String expected) throws IOException {
        byte[] nonce = nonce();
        ByteBuffer hello = ByteBuffer.allocate(512 + (self.node().length() + self.address().toString().length()
                + self.codec().length()) * 3);
        hello.putInt(MAGIC).putShort(VERSION);
        Frames.putString(hello, self.node());
        hello.putInt(self.creation()).put(nonce);
        Frames.putString(hello, self.address().toString());
        Frames.putString(hello, self.codec());
        io.send(Frames.HELLO, hello);

        HandshakeIO.Frame reply = expectOrRefused(io.receive(), Frames.CHALLENGE);
        ByteBuffer body = reply.body();
        checkMagicAndVersion(body);
        String peer = Frames.getString(body);
        int creation = body.getInt();
        byte[] peerNonce = bytes(body, 32);
        String codec = Frames.getString(body);
        if (!codec.equals(self.codec())) {
            throw new HandshakeException(BAD_VERSION, "node " + peer + " encodes messages differently (codec "
                    + codec + ", here " + self.codec() + "): a different Troupe version or codec");
        }
        if (!peer.equals(expected)) {
            throw new HandshakeException(WRONG_NODE, "the address of " + expected + " is served by node " + peer
                    + " (a stale discovery entry?)");
        }
        io.send(Frames.PROOF, ByteBuffer.allocate(32).put(mac(self.cookie(), "troupe/1 dialer", self.node(), peer, peerNonce, nonce)));

        HandshakeIO.Frame accept = expectOrRefused(io.receive(), Frames.ACCEPT);
        byte[] expectedProof = mac(self.cookie(), "troupe/1 acceptor", peer, self.node(), nonce, peerNonce);
        if (!MessageDigest.isEqual(expectedProof, bytes(accept.body(), 32))) {
            throw new HandshakeException(BAD_COOKIE, "node " + peer + " failed to prove it has our cookie");
        }
        return new Peer(peer, creation, null);
    }

    static Accepted accept(HandshakeIO io, Identity self, Admission admission) throws IOException {
        HandshakeIO.Frame hello = io.receive();
        if (hello.type() != Frames.HELLO || hello.body().remaining() < 6 || hello.body().getInt(0) != MAGIC) {
            throw new HandshakeException(NOT_TROUPE, "not a Troupe node: bad first frame");
        }
        ByteBuffer body = hello.body();
        body.getInt();
        short version = body.getShort();
        if (version != VERSION) {
            refuse(io, new HandshakeException(BAD_VERSION, "protocol version " + version + " is not supported (this node speaks " + VERSION + ")"));
        }
        String peer = Frames.getString(body);
        int creation = body.getInt();
        byte[] peerNonce = bytes(body, 32);
        URI address = URI.create(Frames.getString(body));
        String codec = Frames.getString(body);

        byte[] nonce = nonce();
        ByteBuffer challenge = ByteBuffer.allocate(64 + self.node().length() * 3 + self.codec().length() * 3);
        challenge.putInt(MAGIC).putShort(VERSION);
        Frames.putString(challenge, self.node());
        challenge.putInt(self.creation()).put(nonce);
        Frames.putString(challenge, self.codec());
        io.send(Frames.CHALLENGE, challenge);
        if (!codec.equals(self.codec())) {
            refuse(io, new HandshakeException(BAD_VERSION, "node " + peer + " encodes messages differently (codec "
                    + codec + ", here " + self.codec() + "): a different Troupe version or codec"));
        }

        HandshakeIO.Frame proof = io.receive();
        if (proof.type() != Frames.PROOF || proof.body().remaining() != 32) {
            throw new HandshakeException(NOT_TROUPE, "node " + peer + " sent " + Frames.typeName(proof.type()) + " instead of its proof");
        }
        byte[] expected = mac(self.cookie(), "troupe/1 dialer", peer, self.node(), nonce, peerNonce);
        if (!MessageDigest.isEqual(expected, bytes(proof.body(), 32))) {
            refuse(io, new HandshakeException(BAD_COOKIE, "node " + peer + " does not have our cookie"));
        }
        Connection connection;
        Peer dialer = new Peer(peer, creation, address);
        try {
            connection = admission.admit(dialer);
        } catch (HandshakeException refusal) {
            refuse(io, refusal);
            throw refusal;
        }
        try {
            io.send(Frames.ACCEPT, ByteBuffer.allocate(32).put(mac(self.cookie(), "troupe/1 acceptor", self.node(), peer, peerNonce, nonce)));
        } catch (IOException e) {
            connection.fail("the handshake with " + peer + " broke: " + e.getMessage(), false);
            throw e;
        }
        return new Accepted(connection, dialer);
    }

    private static void refuse(HandshakeIO io, HandshakeException reason) throws HandshakeException {
        try {
            ByteBuffer body = ByteBuffer.allocate(8 + Frames.maxStringBytes(reason.getMessage()));
            body.put((byte) reason.code);
            Frames.putString(body, reason.getMessage());
            io.send(Frames.REFUSE, body);
        } catch (IOException ignored) {
            // the refusal is logged here either way
        }
        throw reason;
    }

    private static HandshakeIO.Frame expectOrRefused(HandshakeIO.Frame frame, byte expected) throws HandshakeException {
        if (frame.type() == Frames.REFUSE && frame.body().remaining() >= 3) {
            int code = frame.body().get();
            throw new HandshakeException(code, Frames.getString(frame.body()), true);
        }
        if (frame.type() != expected) {
            throw new HandshakeException(NOT_TROUPE, "expected " + Frames.typeName(expected) + ", got " + Frames.typeName(frame.type()));
        }
        return frame;
    }

    private static void checkMagicAndVersion(ByteBuffer body) throws HandshakeException {
        if (body.remaining() < 6 || body.getInt() != MAGIC) throw new HandshakeException(NOT_TROUPE, "not a Troupe node: bad magic");
        short version = body.getShort();
        if (version != VERSION) throw new HandshakeException(BAD_VERSION, "peer speaks protocol version " + version);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] bytes(ByteBuffer body, int count) throws HandshakeException {
        if (body.remaining() < count) throw new HandshakeException(NOT_TROUPE, "truncated handshake frame");
        byte[] bytes = new byte[count];
        body.get(bytes);
        return bytes;
    }

    static byte[] mac(byte[] key, String role, String first, String second, byte[] nonce1, byte[] nonce2) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String part : new String[] {role, first, second}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update((byte) (bytes.length >>> 8));
                mac.update((byte) bytes.length);
                mac.update(bytes);
            }
            mac.update(nonce1);
            mac.update(nonce2);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
