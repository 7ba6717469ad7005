package io.troupe.examples.pinuschat;

import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.web.StaticWebServer;

/** Serves the chat page (resources {@code chat/web/}), telling it where the gate listens. */
public final class WebChat {
    private WebChat() {
    }

    /** Starts the page's web server on {@code host:port} (0: any free port). */
    public static StaticWebServer serve(AppConfig config, String host, int port) {
        int gatePort = config.serversOfType("gate").getFirst().clientPort().orElseThrow();
        return StaticWebServer.builder().host(host).port(port)
                .classPath(WebChat.class.getClassLoader(), "chat/web/")
                .configJson("{\"gatePort\":" + gatePort + "}")
                .start();
    }
}
