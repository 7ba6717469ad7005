package io.troupe.server.internal.connector;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;

/**
 * Which Netty transport the connector uses: Linux epoll when its native library loads (fewer
 * objects per connection and cheaper writes than NIO), NIO otherwise. The system property
 * {@code troupe.connector.nio=true} forces NIO.
 */
final class Transports {
    private Transports() {
    }

    static boolean epoll() {
        return !Boolean.getBoolean("troupe.connector.nio") && Epoll.isAvailable();
    }

    static IoHandlerFactory ioHandler(boolean epoll) {
        return epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }
}
