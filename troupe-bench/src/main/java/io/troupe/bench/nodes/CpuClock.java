package io.troupe.bench.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) of a process, from /proc/PID/stat (clock ticks of 10 ms on Linux). */
final class CpuClock {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private CpuClock() {
    }

    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long self() {
        return ProcessHandle.current().pid();
    }
}
