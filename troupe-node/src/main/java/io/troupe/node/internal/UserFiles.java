package io.troupe.node.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** Per-user files: the troupe directory under java.io.tmpdir and the default cookie. */
final class UserFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private UserFiles() {
    }

    /** {@code <java.io.tmpdir>/troupe-<user>}, created owner-only if missing. */
    static Path directory() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_\\-]", "_");
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "troupe-" + user);
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
                if (supportsPosix(directory)) Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
            } catch (FileAlreadyExistsException raced) {
                // another node created it
            }
        }
        return directory;
    }

    static URI unixUri(Path file) {
        try {
            return new URI("unix", file.toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("socket path " + file, e);
        }
    }

    /** The cookie in {@code ~/.troupe.cookie}, created with a random value (owner-only) if missing. */
    static String defaultCookie() throws IOException {
        Path file = Path.of(System.getProperty("user.home"), ".troupe.cookie");
        if (!Files.exists(file)) {
            byte[] random = new byte[20];
            new SecureRandom().nextBytes(random);
            Path temporary = Files.createTempFile(file.getParent(), ".troupe.cookie", ".tmp");
            if (supportsPosix(temporary)) Files.setPosixFilePermissions(temporary, OWNER_ONLY_FILE);
            Files.writeString(temporary, HexFormat.of().formatHex(random));
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
            }
        }
        String cookie = Files.readString(file).strip();
        if (cookie.isEmpty()) throw new IOException("the cookie file " + file + " is empty");
        return cookie;
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
