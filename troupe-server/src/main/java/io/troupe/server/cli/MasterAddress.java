package io.troupe.server.cli;

import io.troupe.server.config.MasterConfig;
import io.troupe.server.internal.master.ControlEndpoint;

/**
 * Where a running app's master listens: its node name ({@code <master id>@<host>}) and the
 * host and port of {@code master.json}.
 */
record MasterAddress(String node, String host, int port) {
    /** pinus's default master id, for {@code --master host:port}. */
    static final String DEFAULT_ID = "master-server-1";

    static MasterAddress of(MasterConfig master) {
        return new MasterAddress(ControlEndpoint.nodeName(master), master.host(), master.port());
    }

    /**
     * {@code [id@]host:port}; the id defaults to {@value #DEFAULT_ID}.
     * @throws IllegalArgumentException if it does not look like that
     */
    static MasterAddress parse(String text) {
        int at = text.indexOf('@');
        String id = at < 0 ? DEFAULT_ID : text.substring(0, at);
        String hostPort = text.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        if (id.isEmpty() || colon <= 0) throw new IllegalArgumentException("--master must be [id@]host:port, was " + text);
        String host = hostPort.substring(0, colon);
        try {
            return new MasterAddress(id + "@" + host, host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--master must be [id@]host:port, was " + text);
        }
    }

    @Override
    public String toString() {
        return node + " (" + host + ":" + port + ")";
    }
}
