package dev.wparflow.simulator.command;

import java.util.List;

import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparState;

/**
 * What an administrator looks at when a WPAR is Broken (Redbook 4.1.2, "Recovering from Broken state", RB:2832-2844):
 * {@code ps -ef -@ NAME}, the WPAR's processes as the global environment sees them (layout of RB:10598-10634), and
 * {@code ls DIR}, the files of a log directory ({@code /var/adm/ras}, {@code /var/adm/WPARs}).
 */
public final class DiagnosticCommands {
    private DiagnosticCommands() {
    }

    static final String PS_HEADER = "WPAR      UID    PID   PPID   C    STIME    TTY  TIME CMD";

    /**
     * {@code ps -ef -@ [NAME]}: the header of RB:10598 and, for each WPAR named (every one when none is) that still has
     * its init (Active, Broken or Transitional with the cor subsystem's PID), its {@code /etc/init} line. A Broken WPAR
     * keeps the processes it had when it broke, which is why the book says to look at them. Other {@code ps} forms are
     * not modelled.
     */
    public static int ps(Invocation inv) {
        List<String> a = inv.args();
        int at = a.indexOf("-@");
        if (at < 0 || !a.subList(0, at).stream().allMatch(s -> s.equals("-ef") || s.equals("-e") || s.equals("-f"))
                || a.size() > at + 2) {
            inv.err("ps: only 'ps -ef -@ [wparname]' is simulated");
            return 2;
        }
        String name = a.size() == at + 2 ? a.get(at + 1) : null;
        SimulatedHost host = inv.host;
        List<Wpar> wpars = host.locked(() -> host.wparList().stream()
                .filter(w -> name == null || w.name.equals(name)).map(Wpar::copy).toList());
        if (name != null && wpars.isEmpty()) {
            inv.err("ps: 0551-129 The workload partition " + name + " does not exist.");
            return 1;
        }
        inv.out(PS_HEADER);
        for (Wpar w : wpars) {
            boolean running = w.corPid != 0 && (w.state() == WparState.ACTIVE || w.state() == WparState.BROKEN
                    || w.state() == WparState.TRANSITIONAL);
            if (running) {
                inv.out(String.format("%-8s %5s %6d %6d   0 00:00:00      -  0:00 /etc/init", w.name, "root",
                        w.corPid + 1, 1));
            }
        }
        return 0;
    }

    /** {@code ls DIR…}: the files under each directory, one path relative to it a line, sorted; nothing for none. */
    public static int ls(Invocation inv) {
        List<String> dirs = inv.args().stream().filter(s -> !s.startsWith("-")).toList();
        int status = 0;
        for (String dir : dirs) {
            SimulatedHost host = inv.host;
            if (!host.files.isDirectory(dir)) {
                inv.err("ls: 0653-341 The file " + dir + " does not exist.");
                status = 2;
                continue;
            }
            if (dirs.size() > 1) {
                inv.out(dir + ":");
            }
            String prefix = dir.endsWith("/") ? dir : dir + "/";
            for (String file : host.files.list(dir)) {
                inv.out(file.startsWith(prefix) ? file.substring(prefix.length()) : file);
            }
        }
        return status;
    }
}
