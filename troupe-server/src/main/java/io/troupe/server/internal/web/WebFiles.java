package io.troupe.server.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.jar.JarEntry;

/**
 * Where the served files come from: an optional directory, then an optional class-path prefix. Files are read on
 * every request (no cache, so a directory can be edited while serving); they are expected to be small.
 */
final class WebFiles {
    /** Files larger than this are refused (served as 404) rather than loaded into memory. */
    static final int MAX_FILE_SIZE = 8 * 1024 * 1024;

    private final Path directory;
    private final ClassLoader loader;
    private final String prefix;

    /**
     * @param directory a directory to serve, or null
     * @param loader the class loader of the class-path files, or null for none
     * @param prefix the resource prefix of the class-path files, e.g. {@code chat/web/} (a missing trailing slash is
     *     added; empty for the class-path root)
     */
    WebFiles(Path directory, ClassLoader loader, String prefix) {
        this.directory = directory == null ? null : realDirectory(directory);
        this.loader = loader;
        String p = prefix == null ? "" : prefix.startsWith("/") ? prefix.substring(1) : prefix;
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static Path realDirectory(Path directory) {
        try {
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("not a directory: " + directory);
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + directory, e);
        }
    }

    /**
     * The content of the regular file at {@code relativePath} (already checked by {@link WebPaths}), or null when
     * there is none (missing, a directory, too large, or outside the directory through a symbolic link).
     */
    byte[] read(String relativePath) throws IOException {
        if (directory != null) {
            byte[] b = readFromDirectory(relativePath);
            if (b != null) {
                return b;
            }
        }
        return loader == null ? null : readFromClassPath(relativePath);
    }

    private byte[] readFromDirectory(String relativePath) throws IOException {
        Path file = directory.resolve(relativePath).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            return null;
        }
        Path real = file.toRealPath();
        if (!real.startsWith(directory) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                || Files.size(real) > MAX_FILE_SIZE) {
            return null;
        }
        return Files.readAllBytes(real);
    }

    private byte[] readFromClassPath(String relativePath) throws IOException {
        URL url = loader.getResource(prefix + relativePath);
        if (url == null || !isRegularFile(url)) {
            return null;
        }
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (size > MAX_FILE_SIZE) {
            return null;
        }
        try (InputStream in = connection.getInputStream()) {
            byte[] b = in.readNBytes(MAX_FILE_SIZE + 1);
            return b.length > MAX_FILE_SIZE ? null : b;
        }
    }

    /** Class-path directories resolve to URLs too; only regular files count. */
    private static boolean isRegularFile(URL url) throws IOException {
        switch (url.getProtocol()) {
            case "file" -> {
                try {
                    return Files.isRegularFile(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return false;
                }
            }
            case "jar" -> {
                // the default (cached) jar connection shares one open JarFile instead of leaking one per call
                URLConnection c = url.openConnection();
                JarEntry entry = ((JarURLConnection) c).getJarEntry();
                return entry != null && !entry.isDirectory();
            }
            default -> {
                return !url.getPath().endsWith("/");
            }
        }
    }
}
