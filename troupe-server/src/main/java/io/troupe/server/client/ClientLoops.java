package io.troupe.server.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The event loops all {@link PomeloClient}s share: created on first use, daemon threads, never shut down. */
final class ClientLoops {
    private ClientLoops() {
    }

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors())),
                new DefaultThreadFactory("pomelo-client", true), NioIoHandler.newFactory());
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }
}
