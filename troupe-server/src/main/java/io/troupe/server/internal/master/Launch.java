package io.troupe.server.internal.master;

import io.troupe.server.config.ServerConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the master starts a server JVM: the same {@code java} and class path as the master's,
 * logging to stderr at INFO, {@code jvmOptions}, the server's {@code args} from {@code servers.json}
 * as more JVM options, then {@link ServerMain} with
 * the app directory, environment, server id, discovery directory and the master's pid.
 *
 * @param java         the java executable
 * @param classPath    the class path of the server JVMs
 * @param home         the app directory
 * @param environment  the environment of {@code servers.json}
 * @param discoveryDir the same-host discovery directory shared by the master and the servers
 * @param cookie       the cluster's cookie, given to the servers in {@link ServerMain#COOKIE_ENV};
 *                     {@code null}: {@code ~/.troupe.cookie}
 * @param jvmOptions   options for every server JVM, before the server's own {@code args}
 */
public record Launch(Path java, String classPath, AppHome home, String environment, Path discoveryDir, String cookie,
                     List<String> jvmOptions) {
    /** The logging of server JVMs (to stderr, which is their log file), unless {@code jvmOptions} choose another. */
    static final String LOGBACK_CONFIG = "troupe-server-logback.xml";

    public Launch {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(discoveryDir, "discoveryDir");
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** This JVM's java and class path. */
    public static Launch likeThisJvm(AppHome home, String environment, Path discoveryDir, String cookie, List<String> jvmOptions) {
        return new Launch(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
                home, environment, discoveryDir, cookie, jvmOptions);
    }

    /** The command line of {@code server}'s JVM. */
    List<String> command(ServerConfig server) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dlogback.configurationFile=" + LOGBACK_CONFIG);
        command.add("-Dtroupe.log.level=INFO");
        command.addAll(jvmOptions);
        command.addAll(server.args());
        command.add("-cp");
        command.add(classPath);
        command.add(ServerMain.class.getName());
        command.add(home.dir().toString());
        command.add(environment);
        command.add(server.id());
        command.add(discoveryDir.toString());
        command.add(Long.toString(ProcessHandle.current().pid()));
        return command;
    }

    /** Where {@code server}'s output goes. */
    Path logFile(ServerConfig server) {
        return home.logDir().resolve(server.id() + ".log");
    }
}
