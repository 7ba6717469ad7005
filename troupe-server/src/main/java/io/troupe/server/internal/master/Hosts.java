package io.troupe.server.internal.master;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

/** Whether a {@code servers.json} host is this machine (pinus's {@code utils.isLocal}). */
final class Hosts {
    private Hosts() {
    }

    static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
