package io.troupe.node.internal;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** A TLS socket; reads and writes go through its streams, so buffers are heap buffers. */
final class TlsWire implements Wire {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String remote;

    TlsWire(SSLSocket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.remote = "tls:" + socket.getRemoteSocketAddress();
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        int n = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
        if (n > 0) into.position(into.position() + n);
        return n;
    }

    @Override
    public void write(ByteBuffer from) throws IOException {
        out.write(from.array(), from.arrayOffset() + from.position(), from.remaining());
        from.position(from.limit());
    }

    @Override
    public boolean canTryWrite() {
        return false;
    }

    @Override
    public int tryWrite(ByteBuffer from) {
        throw new UnsupportedOperationException("a TLS stream cannot write without blocking");
    }

    @Override
    public boolean prefersDirect() {
        return false;
    }

    @Override
    public String remote() {
        return remote;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
