package io.troupe.bench.broadcast;

import java.nio.file.Path;
import java.util.List;

/**
 * What a target's launcher may use: the Node peers' directory (bench/node), the JDK and JVM flags
 * bench/run uses for every Java peer, the directory of the benchmark's jars, and a free port.
 */
record LaunchContext(Path nodeDir, String java, List<String> jvmFlags, Path lib, int freePort) {
}
