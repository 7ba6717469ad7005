package io.troupe.examples.pinuschat;

import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.web.StaticWebServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The main job: the web chat (seed 004) on the embedded default. Starts the chat cluster (gate,
 * connectors, chat servers, each a Troupe node, all in this JVM) and the page's web server, prints
 * the URL, and runs until Ctrl-C, which stops every server cleanly.
 * <pre>
 * ./troupe [webchat] [-e development|production] [--web-port 3001]
 * </pre>
 */
public final class WebChatMain {
    private WebChatMain() {
    }

    public static void main(String[] args) throws Exception {
        String environment = "development";
        int webPort = 3001;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-e", "--env" -> environment = args[++i];
                case "--web-port" -> webPort = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: webchat [-e development|production] [--web-port PORT]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("troupe-webchat");
        AppConfig config = AppConfig.load(ChatApp.writeConfig(dir), environment);
        ServerApp.Cluster cluster = ChatApp.app().start(config);
        StaticWebServer web = WebChat.serve(config, "127.0.0.1", webPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the chat servers...");
            web.close();
            cluster.close();
            System.out.println("stopped");
            stopped.countDown();
        }, "troupe-webchat-stop"));
        System.out.printf("Troupe web chat (%s: %d servers) is running.%nOpen http://127.0.0.1:%d/ in a browser; Ctrl-C stops it.%n",
                environment, cluster.servers().size(), web.port());
        System.out.flush();
        stopped.await();
    }
}
