package io.troupe.server.internal.connector;

import io.troupe.server.protocol.HandshakeResponse;
import io.troupe.server.protocol.Package;
import io.troupe.server.protocol.PackageType;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A blocking raw-TCP pomelo peer for byte-level tests (5 s read timeout). */
final class RawTcpClient implements AutoCloseable {
    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawTcpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Package read() throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        PackageType type = PackageType.of(header[0] & 0xFF);
        byte[] body = new byte[Package.readBodyLength(header, 0)];
        in.readFully(body);
        return new Package(type, body);
    }

    /** Handshake with the JS client's JSON; returns the reply. */
    HandshakeResponse handshake() throws IOException {
        send(Package.encode(PackageType.HANDSHAKE, ("{\"sys\":{\"type\":\"raw-tcp\",\"version\":\"0.0.1\",\"rsa\":{},"
                + "\"protoVersion\":0},\"user\":{}}").getBytes(StandardCharsets.UTF_8)));
        Package reply = read();
        if (reply.type() != PackageType.HANDSHAKE) {
            throw new IOException("expected a handshake reply, got " + reply);
        }
        return HandshakeResponse.decode(reply.body());
    }

    /** Whether the server closed the connection (EOF or reset) within the read timeout; skips packages before. */
    boolean closedByServer() throws IOException {
        try {
            for (int i = 0; i < 10_000; i++) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
