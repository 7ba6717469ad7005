package io.troupe.server.cli;

import io.troupe.server.config.AppConfig;
import io.troupe.server.internal.master.ServerMain;
import picocli.CommandLine.Option;

/** Options every subcommand takes: which app, which environment, which cookie. */
final class AppOptions {
    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "environment of servers.json and master.json (default: ${DEFAULT-VALUE})")
    String environment = AppConfig.DEFAULT_ENVIRONMENT;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "the app directory (app.properties, config/), or a class-path resource directory (default: the current directory)")
    String dir = ".";

    @Option(names = "--cookie", paramLabel = "SECRET",
            description = "the cluster's cookie (default: $" + ServerMain.COOKIE_ENV + ", else ~/.troupe.cookie)")
    String cookie = System.getenv(ServerMain.COOKIE_ENV);
}
