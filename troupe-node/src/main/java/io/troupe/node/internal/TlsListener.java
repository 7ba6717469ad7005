package io.troupe.node.internal;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.URI;

/** Listens with a TLS server socket (client certificates required). */
final class TlsListener implements WireListener {
    private final SSLServerSocket server;
    private final URI address;

    TlsListener(SSLServerSocket server, URI address) {
        this.server = server;
        this.address = address;
    }

    @Override
    public Wire accept() throws IOException {
        SSLSocket socket = (SSLSocket) server.accept();
        return new TlsWire(socket);
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
