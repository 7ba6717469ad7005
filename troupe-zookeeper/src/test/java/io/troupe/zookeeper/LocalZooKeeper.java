package io.troupe.zookeeper;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** A real ZooKeeper server in this JVM, on loopback only, with 100 ms ticks (sessions of 0.2 to 2 s). */
public final class LocalZooKeeper {
    private LocalZooKeeper() {
    }

    public static TestingServer start() throws Exception {
        Map<String, Object> loopbackOnly = Map.of("clientPortAddress", "127.0.0.1", "admin.enableServer", "false");
        InstanceSpec spec = new InstanceSpec(null, freePort(), freePort(), freePort(), true, 1, 100, 100, loopbackOnly,
                "127.0.0.1");
        return new TestingServer(spec, true);
    }

    /** A loopback port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
