package dev.wparflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine's CPU time from /proc/stat (Linux): how busy all cores were during a benchmark, whoever used them. */
final class MachineCpu {

    private MachineCpu() {
    }

    /** {busy, total} clock ticks of all cores since boot; null where /proc/stat cannot be read. */
    static long[] read() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** CPU time of this JVM in nanoseconds, all threads (JIT compiler and GC included). */
    static long thisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Milliseconds the JIT compiler has worked in this JVM so far (0 where the JVM does not say). */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** "machine CPU: 86 % busy (2 cores), 41 ms per WPAR" */
    static Optional<String> describe(long[] before, long[] after, int items) {
        if (before == null || after == null || after[1] <= before[1]) {
            return Optional.empty();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double busyShare = (double) (after[0] - before[0]) / (after[1] - before[1]);
        double busyMillis = busyMillis(before, after);
        return Optional.of(String.format(Locale.ROOT, "machine CPU during the run: %.0f %% busy (%d cores), %.1f core-s, %.1f ms per WPAR",
                busyShare * 100, cores, busyMillis / 1000, busyMillis / items));
    }

    /** Busy CPU time of all cores between two {@link #read()}s, in milliseconds; NaN where either is missing. */
    static double busyMillis(long[] before, long[] after) {
        if (before == null || after == null) {
            return Double.NaN;
        }
        return (after[0] - before[0]) * 10.0; // /proc/stat counts USER_HZ ticks, 100 per second on Linux
    }
}
