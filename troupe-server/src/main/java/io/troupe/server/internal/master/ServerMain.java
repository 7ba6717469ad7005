package io.troupe.server.internal.master;

import io.troupe.node.spi.Discovery;
import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of a server JVM launched by the master ({@link Launch}):
 * {@code ServerMain APP_DIR ENV SERVER_ID DISCOVERY_DIR MASTER_PID}, with the cookie in the
 * environment variable {@link #COOKIE_ENV} (none: {@code ~/.troupe.cookie}). It runs the one
 * server through {@link ServerApp#startServer} with same-host discovery in {@code DISCOVERY_DIR},
 * until SIGTERM (the master's stop: the shutdown hook closes the server gracefully) or until the
 * master's process ends. Exit code 1 if the server cannot start, 2 for bad arguments.
 */
public final class ServerMain {
    /** The environment variable that carries the cluster's cookie to server JVMs. */
    public static final String COOKIE_ENV = "TROUPE_COOKIE";
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ServerMain APP_DIR ENV SERVER_ID DISCOVERY_DIR MASTER_PID");
            System.exit(2);
        }
        String serverId = args[2];
        ServerApp.RunningServer server;
        Discovery discovery = Discovery.sameHost(Path.of(args[3]));
        try {
            AppHome home = AppHome.open(args[0], args[1]);
            AppConfig config = home.config(args[1]);
            server = home.app().startServer(config, serverId, new ServerApp.ServerOptions(discovery, System.getenv(COOKIE_ENV)));
        } catch (RuntimeException e) {
            LOG.error("server {} could not start", serverId, e);
            discovery.close();
            System.exit(1);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("server {} stopping", serverId);
            try {
                server.close();
                discovery.close();
            } finally {
                closed.countDown();
            }
        }, "troupe-server-stop"));
        // a server ends with its master: no orphan JVMs when the master is killed
        ProcessHandle.of(Long.parseLong(args[4])).ifPresentOrElse(
                master -> master.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
