package dev.wparflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc/PID/status and /proc/PID/stat say about another process (Linux). */
record ProcStatus(long rssKiB, long hwmKiB, int threads, double cpuSeconds) {

    static ProcStatus read(long pid) {
        try {
            long rss = 0;
            long hwm = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                String[] f = line.split("\\s+");
                switch (f[0]) {
                    case "VmRSS:" -> rss = Long.parseLong(f[1]);
                    case "VmHWM:" -> hwm = Long.parseLong(f[1]);
                    case "Threads:" -> threads = Integer.parseInt(f[1]);
                    default -> {
                    }
                }
            }
            // fields after the command name in parentheses (which may contain blanks): utime is the 14th, stime the 15th
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ ticks
            return new ProcStatus(rss, hwm, threads, cpu);
        } catch (IOException | RuntimeException gone) {
            return new ProcStatus(0, 0, 0, Double.NaN);
        }
    }

    long rssMiB() {
        return rssKiB / 1024;
    }

    long hwmMiB() {
        return hwmKiB / 1024;
    }
}
