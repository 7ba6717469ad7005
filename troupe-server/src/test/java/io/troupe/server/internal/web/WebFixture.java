package io.troupe.server.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Files to serve (a web root {@code www/} with a secret next to it) and a raw HTTP/1.1 request helper. */
final class WebFixture {
    static final String INDEX = "<!doctype html><title>t</title>";
    static final String SECRET = "top secret";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2};

    static final Map<String, byte[]> WWW = Map.of(
            "www/index.html", utf8(INDEX),
            "www/app.js", utf8("export const x = 1;"),
            "www/style.css", utf8("body { color: red }"),
            "www/data.json", utf8("{\"a\":1}"),
            "www/img.png", PNG,
            "www/favicon.ico", new byte[] {0, 0, 1, 0},
            "www/sub/index.html", utf8("sub index"),
            "www/notes.unknownext", utf8("?"),
            "www/.hidden", utf8(SECRET),
            "secret.txt", utf8(SECRET));

    private WebFixture() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@link #WWW} under {@code root}. */
    static void writeTree(Path root) throws IOException {
        for (Map.Entry<String, byte[]> e : WWW.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    /** Writes {@link #WWW} into a jar (with directory entries, as jar tools write them). */
    static Path writeJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("www/"));
            out.putNextEntry(new JarEntry("www/sub/"));
            for (Map.Entry<String, byte[]> e : WWW.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        return jar;
    }

    /**
     * Sends {@code requestLine} exactly as given (no client-side normalisation) with {@code Connection: close} and
     * returns the whole response as text.
     */
    static String raw(int port, String requestLine) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(utf8(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
