package io.troupe.bench.broadcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of processes, from Linux procfs; absent processes count as zero. */
final class ProcStats {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100

    private ProcStats() {
    }

    /** utime + stime of {@code pid} in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmRSS of {@code pid} in bytes. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone
        }
        return 0;
    }

    static long cpuNanos(List<Long> pids) {
        return pids.stream().mapToLong(ProcStats::cpuNanos).sum();
    }

    static long rssBytes(List<Long> pids) {
        return pids.stream().mapToLong(ProcStats::rssBytes).sum();
    }
}
