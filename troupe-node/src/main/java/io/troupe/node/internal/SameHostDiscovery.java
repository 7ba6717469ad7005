package io.troupe.node.internal;

import io.troupe.node.spi.Discovery;
import io.troupe.node.spi.NameInUseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/*
 * Overview: zero-setup discovery for nodes on one machine, with no daemon (Erlang starts epmd,
 * ConcurrentLua needs clpmd): a directory of small files, two per node:
 *
 *   <node>.addr   the address, one line, replaced atomically (write a temporary file, rename)
 *   <node>.lock   locked exclusively by the publishing node for its whole life
 *
 * A node that dies, even by kill -9, loses its lock (the OS releases it), so a reader that can take
 * the lock knows the entry is stale and ignores it. Lock files are never deleted (deleting one a
 * node is about to lock would let two nodes hold "the same" name).
 *
 * File locks belong to the whole process, and on Linux closing any channel to a file drops every
 * lock this JVM holds on it. So this JVM never probes a lock file it holds (HELD), and probing and
 * publishing in this JVM are serialised by one JVM-wide mutex (PROBE): a probe's close can then
 * never drop a lock taken meanwhile. This table is the binding of files to this process, not a cache.
 */
public final class SameHostDiscovery implements Discovery {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final ReentrantLock PROBE = new ReentrantLock();
    private static final int LOCK_ATTEMPTS = 20;

    private record Held(Path lockFile, FileChannel channel, FileLock lock) {
    }

    private final Path directory;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    private SameHostDiscovery(Path directory) {
        this.directory = directory;
    }

    public static Discovery create(Path directory) {
        try {
            Path where = directory != null ? directory : UserFiles.directory().resolve("nodes");
            Files.createDirectories(where);
            return new SameHostDiscovery(where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the discovery directory", e);
        }
    }

    @Override
    public void publish(String node, URI address) throws IOException {
        Path lockFile = file(node, ".lock");
        if (!HELD.add(lockFile)) throw new NameInUseException(node, "a node of this JVM has published it");
        boolean done = false;
        PROBE.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new NameInUseException(node, "a live process holds " + lockFile);
            }
            Path temporary = Files.createTempFile(directory, node, ".tmp");
            Files.writeString(temporary, address.toString());
            Files.move(temporary, file(node, ".addr"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            held.put(node, new Held(lockFile, channel, lock));
            done = true;
        } finally {
            PROBE.unlock();
            if (!done) HELD.remove(lockFile);
        }
    }

    /** Another process's probe may hold a shared lock for a moment: retry a few times, ~1 ms apart. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) return lock;
            } catch (OverlappingFileLockException e) {
                return null;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return null;
    }

    @Override
    public Optional<URI> lookup(String node) throws IOException {
        String text;
        try {
            text = Files.readString(file(node, ".addr")).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (text.isEmpty() || !isLive(file(node, ".lock"))) return Optional.empty();
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isLive(Path lockFile) throws IOException {
        if (HELD.contains(lockFile)) return true;
        PROBE.lock();
        try {
            if (HELD.contains(lockFile)) return true;
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) return true;
                probe.release();
                return false;
            } catch (NoSuchFileException e) {
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            }
        } finally {
            PROBE.unlock();
        }
    }

    @Override
    public Map<String, URI> list() throws IOException {
        Map<String, URI> nodes = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".addr")) continue;
                String node = name.substring(0, name.length() - ".addr".length());
                lookup(node).ifPresent(address -> nodes.put(node, address));
            }
        }
        return nodes;
    }

    @Override
    public void withdraw(String node) throws IOException {
        Held mine = held.remove(node);
        if (mine == null) return;
        try {
            Files.deleteIfExists(file(node, ".addr"));
        } finally {
            PROBE.lock();
            try {
                mine.lock().release();
                mine.channel().close();
            } finally {
                HELD.remove(mine.lockFile());
                PROBE.unlock();
            }
        }
    }

    @Override
    public void close() {
        for (String node : Set.copyOf(held.keySet())) {
            try {
                withdraw(node);
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    private Path file(String node, String suffix) {
        if (!node.matches("[A-Za-z0-9_\\-]+@[A-Za-z0-9_.\\-]+")) throw new IllegalArgumentException("not a node name: " + node);
        return directory.resolve(node + suffix);
    }

    @Override
    public String toString() {
        return "SameHostDiscovery[" + directory + "]";
    }
}
