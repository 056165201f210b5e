package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.wparflow.simulator.model.AixDates;
import dev.wparflow.simulator.model.LogicalVolume;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.VolumeGroup;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * Global-environment commands: uname, hostname, prtconf, lsattr, lssrc/startsrc/stopsrc
 * (xntpd and cor_WPAR), lsvg, df, cat, echo, date. Formats from the Redbook where it prints them
 * (df Example 3-x, lsvg -l Example 4-22, lssrc Example 7-x, uname -W 4.1) and otherwise from
 * IBM's AIX command reference.
 */
public final class SystemCommands {
    private SystemCommands() {
    }

    private static Wpar inside(Invocation inv) {
        if (inv.insideWpar == null) {
            return null;
        }
        return inv.host.locked(() -> inv.host.wpar(inv.insideWpar).map(Wpar::copy).orElse(null));
    }

    /**
     * {@code id}, {@code id -u}, {@code id -un}: the SSH user. The book has no id; the layout is IBM's ("Displaying
     * user IDs", AIX 7.1: {@code uid=2988(denise) gid=1(staff)}); root in group system with AIX's usual supplementary
     * groups, any other user uid 201 in group staff.
     */
    public static int id(Invocation inv) {
        String user = inv.user == null ? "root" : inv.user;
        boolean root = "root".equals(user);
        int uid = root ? 0 : 201;
        switch (String.join(" ", inv.args())) {
            case "" -> inv.out(root ? "uid=0(root) gid=0(system) groups=2(bin),3(sys),7(security),8(cron),10(audit),11(lp)"
                    : "uid=" + uid + "(" + user + ") gid=1(staff)");
            case "-u" -> inv.out(String.valueOf(uid));
            case "-un" -> inv.out(user);
            default -> {
                inv.err("Usage: id [-u [-n]]");
                return 2;
            }
        }
        return 0;
    }

    public static int uname(Invocation inv) {
        Wpar w = inside(inv);
        List<String> a = inv.args();
        if (a.contains("-W")) {
            inv.out(w == null ? "0" : String.valueOf(w.key));
        } else if (a.contains("-n")) {
            inv.out(w == null ? inv.host.hostname : w.hostname);
        } else if (a.contains("-a")) {
            inv.out("AIX " + (w == null ? inv.host.hostname : w.hostname) + " 1 6 " + inv.host.serialNumber + "4C00");
        } else {
            inv.out("AIX");
        }
        return 0;
    }

    public static int hostname(Invocation inv) {
        Wpar w = inside(inv);
        inv.out(w == null ? inv.host.hostname : w.hostname);
        return 0;
    }

    public static int prtconf(Invocation inv) {
        SimulatedHost h = inv.host;
        inv.out("System Model: " + h.machineModel);
        inv.out("Machine Serial Number: " + h.serialNumber);
        inv.out("Processor Type: " + h.processorType);
        String gen = h.processorType.replaceAll(".*POWER", "");
        inv.out("Processor Implementation Mode: POWER " + gen);
        inv.out("Processor Version: PV_" + gen);
        inv.out("Number Of Processors: " + h.processorCount);
        inv.out("Processor Clock Speed: " + h.processorMhz + " MHz");
        inv.out("CPU Type: 64-bit");
        inv.out("Kernel Type: 64-bit");
        inv.out("LPAR Info: 1 " + h.name);
        inv.out("Memory Size: " + h.memoryMb + " MB");
        inv.out("Good Memory Size: " + h.memoryMb + " MB");
        inv.out("Platform Firmware level: EM320_031");
        inv.out("Firmware Version: IBM,EM320_031");
        inv.out("Console Login: enable");
        inv.out("Auto Restart: true");
        inv.out("Full Core: false");
        inv.out("");
        inv.out("Network Information");
        inv.out("\tHost Name: " + h.hostname);
        inv.out("\tIP Address: " + h.ip);
        inv.out("\tSub Netmask: " + h.netmask);
        inv.out("\tGateway: ");
        inv.out("\tName Server: ");
        inv.out("\tDomain Name: ");
        inv.out("");
        inv.out("Volume Groups Information");
        h.locked(() -> {
            for (VolumeGroup vg : h.volumeGroups.values()) {
                inv.out("=".repeat(78));
                inv.out(vg.name() + ":");
                inv.out("PV_NAME           PV STATE          TOTAL PPs   FREE PPs    FREE DISTRIBUTION");
                String pv = vg.physicalVolumes().isEmpty() ? "hdisk0" : vg.physicalVolumes().get(0);
                inv.out(String.format("%-18s%-18s%-12d%-12d%s", pv, "active", vg.totalPps(), vg.freePps(), "00..00..00..00..00"));
            }
        });
        inv.out("=".repeat(78));
        return 0;
    }

    public static int lsattr(Invocation inv) {
        if (!inv.args().contains("sys0")) {
            inv.err("lsattr: 0514-519 The following device was not found in the customized");
            inv.err("\tdevice configuration database:");
            inv.err("\t" + (inv.args().isEmpty() ? "" : inv.args().get(inv.args().size() - 1)));
            return 1;
        }
        SimulatedHost h = inv.host;
        String[][] rows = {
                {"fullcore", "false", "Enable full CORE dump", "True"},
                {"maxuproc", "128", "Maximum number of PROCESSES allowed per user", "True"},
                {"modelname", h.machineModel, "Machine name", "False"},
                {"ncargs", "256", "ARG/ENV list size in 4K byte blocks", "True"},
                {"realmem", String.valueOf(h.memoryMb * 1024L), "Amount of usable physical memory in Kbytes", "False"},
                {"systemid", "IBM,02" + h.serialNumber, "Hardware system identifier", "False"},
        };
        for (String[] r : rows) {
            inv.out(String.format("%-13s %-18s %-48s %s", r[0], r[1], r[2], r[3]));
        }
        return 0;
    }

    /** lssrc -s NAME | -a | -g GROUP: xntpd (fleet NTP state) and cor_WPAR for active WPARs. */
    public static int lssrc(Invocation inv) {
        SimulatedHost h = inv.host;
        List<String[]> subs = new ArrayList<>();
        subs.add(new String[] {"xntpd", "tcpip", h.ntpActive ? String.valueOf(h.ntpPid) : "", h.ntpActive ? "active" : "inoperative"});
        h.locked(() -> {
            for (Wpar w : h.wparList()) {
                if (w.state() == WparState.ACTIVE && w.type == Wpar.Type.SYSTEM) {
                    subs.add(new String[] {"cor_" + w.name, "cor", String.valueOf(w.corPid), "active"});
                }
            }
        });
        List<String> a = inv.args();
        String sub = a.indexOf("-s") >= 0 && a.indexOf("-s") + 1 < a.size() ? a.get(a.indexOf("-s") + 1) : null;
        String grp = a.indexOf("-g") >= 0 && a.indexOf("-g") + 1 < a.size() ? a.get(a.indexOf("-g") + 1) : null;
        List<String[]> sel = subs.stream().filter(s -> (sub == null || s[0].equals(sub)) && (grp == null || s[1].equals(grp))).toList();
        if (sel.isEmpty()) {
            inv.err(sub != null ? "0513-085 The " + sub + " Subsystem is not on file." : "0513-086 The " + grp + " Group is not on file.");
            return 1;
        }
        inv.out("Subsystem         Group            PID          Status");
        for (String[] s : sel) {
            inv.out(String.format("%-17s %-16s %-12s %s", s[0], s[1], s[2], s[3]));
        }
        return 0;
    }

    public static int startsrc(Invocation inv) {
        SimulatedHost h = inv.host;
        if (inv.args().contains("xntpd")) {
            if (h.ntpActive) {
                inv.err("0513-029 The xntpd Subsystem is already active.");
                inv.err("Multiple instances are not supported.");
                return 1;
            }
            h.ntpActive = true;
            h.ntpPid = h.nextPid();
            inv.out("0513-059 The xntpd Subsystem has been started. Subsystem PID is " + h.ntpPid + ".");
            return 0;
        }
        inv.err("0513-085 The " + String.join(" ", inv.args()) + " Subsystem is not on file.");
        return 1;
    }

    public static int stopsrc(Invocation inv) {
        SimulatedHost h = inv.host;
        if (inv.args().contains("xntpd")) {
            if (!h.ntpActive) {
                inv.err("0513-004 The Subsystem or Group, xntpd, is currently inoperative.");
                return 1;
            }
            h.ntpActive = false;
            inv.out("0513-044 The xntpd Subsystem was requested to stop.");
            return 0;
        }
        inv.err("0513-085 The " + String.join(" ", inv.args()) + " Subsystem is not on file.");
        return 1;
    }

    /** lsvg | lsvg VG | lsvg -l VG (Example 4-22 layout). */
    public static int lsvg(Invocation inv) {
        SimulatedHost h = inv.host;
        List<String> a = inv.args();
        return h.locked(() -> {
            if (a.isEmpty() || (a.size() == 1 && "-o".equals(a.get(0)))) {
                h.volumeGroups.keySet().forEach(inv::out);
                return 0;
            }
            boolean list = a.contains("-l");
            int rc = 0;
            for (String name : a) {
                if (name.startsWith("-")) {
                    continue;
                }
                VolumeGroup vg = h.volumeGroups.get(name);
                if (vg == null) {
                    inv.err("0516-306 lsvg: Unable to find volume group " + name + " in the Device");
                    inv.err("        Configuration Database.");
                    rc = 1;
                    continue;
                }
                if (list) {
                    inv.out(vg.name() + ":");
                    inv.out("LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT");
                    for (LogicalVolume lv : vg.logicalVolumes().values()) {
                        inv.out(String.format("%-20s%-11s%-8d%-8d%-5d%-14s%s", lv.name(), lv.type(), lv.lps(), lv.lps(), 1,
                                lvState(h, lv), lv.mountPoint() == null ? "N/A" : lv.mountPoint()));
                    }
                } else {
                    int pp = vg.ppSizeMb();
                    inv.out(String.format("%-20s%-25s%-16s%s", "VOLUME GROUP:", vg.name(), "VG IDENTIFIER:", vg.identifier()));
                    inv.out(String.format("%-20s%-25s%-16s%s", "VG STATE:", "active", "PP SIZE:", pp + " megabyte(s)"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "VG PERMISSION:", "read/write", "TOTAL PPs:",
                            vg.totalPps() + " (" + (long) vg.totalPps() * pp + " megabytes)"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "MAX LVs:", "256", "FREE PPs:",
                            vg.freePps() + " (" + (long) vg.freePps() * pp + " megabytes)"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "LVs:", vg.logicalVolumes().size(), "USED PPs:",
                            vg.usedPps() + " (" + (long) vg.usedPps() * pp + " megabytes)"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "OPEN LVs:", openLvs(h, vg), "QUORUM:", "2 (Enabled)"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "TOTAL PVs:", vg.physicalVolumes().size(), "VG DESCRIPTORS:", "2"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "STALE PVs:", "0", "STALE PPs:", "0"));
                    inv.out(String.format("%-20s%-25s%-16s%s", "ACTIVE PVs:", vg.physicalVolumes().size(), "AUTO ON:", "yes"));
                }
            }
            return rc;
        });
    }

    private static long openLvs(SimulatedHost h, VolumeGroup vg) {
        return vg.logicalVolumes().values().stream().filter(lv -> lvState(h, lv).startsWith("open")).count();
    }

    /** An LV of a WPAR file system is open while the WPAR is active (mounted), other LVs always. */
    static String lvState(SimulatedHost h, LogicalVolume lv) {
        for (Wpar w : h.wparList()) {
            for (WparFileSystem fs : w.fileSystems) {
                if (lv.name().equals(fs.logicalVolume())) {
                    return w.state() == WparState.ACTIVE || w.state() == WparState.TRANSITIONAL
                            || h.fileSystemMounts.contains(fs.globalPath(w.directory)) ? "open/syncd" : "closed/syncd";
                }
            }
        }
        return "open/syncd";
    }

    private static final String[][] GLOBAL_DF = {
            {"/dev/hd4", "2621440", "1581848", "40%", "18502", "10%", "/"},
            {"/dev/hd2", "6815744", "2764920", "60%", "39136", "12%", "/usr"},
            {"/dev/hd9var", "1310720", "1172208", "11%", "2617", "2%", "/var"},
            {"/dev/hd3", "1572864", "1563408", "1%", "86", "1%", "/tmp"},
            {"/dev/hd1", "262144", "261416", "1%", "5", "1%", "/home"},
            {"/dev/hd11admin", "262144", "261416", "1%", "5", "1%", "/admin"},
            {"/proc", null, null, null, null, null, "/proc"},
            {"/dev/hd10opt", "262144", "50784", "81%", "1961", "25%", "/opt"},
            {"/dev/livedump", "524288", "523552", "1%", "4", "1%", "/var/adm/ras/livedump"},
    };

    /**
     * df (512-byte blocks), Redbook 3.x example layout; WPAR file systems listed while the WPAR is active, and those of
     * an inactive WPAR mounted from the global environment ({@code mount /wpars/NAME/MNT}).
     */
    public static int df(Invocation inv) {
        SimulatedHost h = inv.host;
        inv.out("Filesystem    512-blocks      Free %Used    Iused %Iused Mounted on");
        for (String[] r : GLOBAL_DF) {
            dfLine(inv, r);
        }
        h.locked(() -> {
            for (Wpar w : h.wparList()) {
                if (w.type != Wpar.Type.SYSTEM) {
                    continue;
                }
                boolean active = w.state() == WparState.ACTIVE;
                for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
                    String path = fs.globalPath(w.directory);
                    if (!active && !h.fileSystemMounts.contains(path)) {
                        continue; // an inactive WPAR's file system is listed only while mounted from the global side
                    }
                    switch (fs.vfs()) {
                        case "jfs2" -> {
                            long size = fs.sizeBlocks();
                            int used = "/".equals(fs.mountPoint()) ? 20 : "/var".equals(fs.mountPoint()) ? 12 : 2;
                            long free = size - size * used / 100;
                            dfLine(inv, new String[] {"/dev/" + fs.logicalVolume(), String.valueOf(size), String.valueOf(free),
                                    used + "%", "/".equals(fs.mountPoint()) ? "1623" : "8", "/".equals(fs.mountPoint()) ? "7%" : "1%", path});
                        }
                        case "namefs" -> {
                            String[] g = "/proc".equals(fs.device()) ? GLOBAL_DF[6]
                                    : "/usr".equals(fs.device()) ? GLOBAL_DF[1] : GLOBAL_DF[7];
                            dfLine(inv, new String[] {fs.device(), g[1], g[2], g[3], g[4], g[5], path});
                        }
                        default -> dfLine(inv, new String[] {fs.nfsHost() + ":" + fs.device(), "-", "-", "-", "-", "-", path});
                    }
                }
            }
        });
        return 0;
    }

    private static void dfLine(Invocation inv, String[] r) {
        if (r[1] == null) {
            inv.out(String.format("%-14s%10s%10s%5s%10s%6s  %s", r[0], "-", "-", "-", "-", "-", r[6]));
        } else {
            inv.out(String.format("%-14s%10s%10s%6s%9s%7s %s", r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
        }
    }

    /** cat FILE... from the simulated file system; a missing file gives cat's 0652-050, exit 2. */
    public static int cat(Invocation inv) {
        int rc = 0;
        for (String f : inv.args()) {
            String path = f;
            if (inv.insideWpar != null) {
                Wpar w = inside(inv);
                if (w != null) {
                    path = w.directory + (f.startsWith("/") ? f : "/" + f);
                }
            }
            byte[] b = inv.host.files.read(path);
            if (b == null) {
                inv.err("cat: 0652-050 Cannot open " + f + ".");
                rc = 2;
                continue;
            }
            inv.outRaw(new String(b, StandardCharsets.UTF_8));
        }
        return rc;
    }

    public static int echo(Invocation inv) {
        inv.out(String.join(" ", inv.args()));
        return 0;
    }

    public static int date(Invocation inv) {
        inv.out(AixDates.now());
        return 0;
    }
}
