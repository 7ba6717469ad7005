package io.troupe.server.internal.master;

import io.troupe.server.ServerApp;
import io.troupe.server.config.AppConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * An app's directory, as {@code troupe start -d DIR} finds it:
 * <pre>
 *   DIR/app.properties        app=&lt;class with a public static ServerApp app() method&gt;
 *   DIR/config/servers.json   pinus's files: {env: {...}} or config/&lt;env&gt;/servers.json
 *   DIR/config/master.json
 *   DIR/logs/                 written by the master: one &lt;server id&gt;.log per server JVM
 * </pre>
 * The class is loaded from the class path. {@code DIR} is a directory of the file system or, if
 * there is none by that name, a directory of class-path resources ({@code DIR/app.properties} as
 * a resource), whose {@code app.properties} and {@code config/} files (servers.json and
 * master.json, at the top and under the environment's directory) are extracted into a new
 * temporary directory.
 */
public final class AppHome {
    /** The file naming the app's class. */
    public static final String APP_FILE = "app.properties";
    /** The key of the app's class in {@link #APP_FILE}. */
    public static final String APP_KEY = "app";
    private static final List<String> CONFIG_FILES = List.of("servers.json", "master.json");

    private final Path dir;
    private final String appClass;
    private final boolean extracted;

    private AppHome(Path dir, String appClass, boolean extracted) {
        this.dir = dir;
        this.appClass = appClass;
        this.extracted = extracted;
    }

    /**
     * The app directory {@code location} (a directory, else a class-path resource directory, whose
     * files of {@code environment} are extracted).
     * @throws IllegalArgumentException naming what is missing, if neither exists or the app file
     *                                  does not name a class
     */
    public static AppHome open(String location, String environment) {
        Path path = Path.of(location);
        if (Files.isDirectory(path)) return new AppHome(path.toAbsolutePath().normalize(), readAppClass(path.resolve(APP_FILE)), false);
        String prefix = location.replace('\\', '/').replaceAll("^/+|/+$", "");
        if (resource(prefix + "/" + APP_FILE) == null) {
            throw new IllegalArgumentException("no app directory '" + location + "': not a directory, and no class-path resource "
                    + prefix + "/" + APP_FILE);
        }
        try {
            Path target = Files.createTempDirectory("troupe-" + path.getFileName() + "-");
            extract(prefix + "/" + APP_FILE, target.resolve(APP_FILE));
            for (String name : CONFIG_FILES) {
                extract(prefix + "/config/" + name, target.resolve("config").resolve(name));
                extract(prefix + "/config/" + environment + "/" + name, target.resolve("config").resolve(environment).resolve(name));
            }
            return new AppHome(target, readAppClass(target.resolve(APP_FILE)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the app directory " + location + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory if it was extracted (for a command that only read the config). */
    public void discard() {
        if (!extracted) return;
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }

    /** The directory (absolute). */
    public Path dir() {
        return dir;
    }

    /** Whether {@link #dir()} was extracted from class-path resources. */
    public boolean extracted() {
        return extracted;
    }

    /** The name of the app's class. */
    public String appClass() {
        return appClass;
    }

    /** Where server JVMs write their logs. */
    public Path logDir() {
        return dir.resolve("logs");
    }

    /** The configuration of {@code environment}; see {@link AppConfig#load}. */
    public AppConfig config(String environment) {
        return AppConfig.load(dir.resolve("config"), environment);
    }

    /**
     * The app: the result of the app class's {@code public static ServerApp app()}.
     * @throws IllegalArgumentException if the class or the method is missing or unfit
     */
    public ServerApp app() {
        Class<?> type;
        try {
            type = Class.forName(appClass, true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the app class " + appClass + " (" + dir.resolve(APP_FILE) + ") is not on the class path");
        }
        try {
            Method factory = type.getMethod("app");
            if (!Modifier.isStatic(factory.getModifiers()) || !ServerApp.class.isAssignableFrom(factory.getReturnType())) {
                throw new NoSuchMethodException();
            }
            return (ServerApp) factory.invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("the app class " + appClass + " has no public static ServerApp app() method");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(appClass + ".app() failed: " + e.getCause(), e.getCause());
        }
    }

    private static String readAppClass(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("missing " + file + " (a line " + APP_KEY + "=<class>)");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        String name = properties.getProperty(APP_KEY, "").strip();
        if (name.isEmpty()) throw new IllegalArgumentException(file + " has no " + APP_KEY + "=<class> line");
        return name;
    }

    private static void extract(String resource, Path target) throws IOException {
        try (InputStream in = resource(resource)) {
            if (in == null) return;
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) {
        return loader().getResourceAsStream(name);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AppHome.class.getClassLoader();
    }
}
