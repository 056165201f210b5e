package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.wparflow.simulator.model.AixDates;
import dev.wparflow.simulator.model.LogicalVolume;
import dev.wparflow.simulator.model.MapFileSystem;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SystemImage;
import dev.wparflow.simulator.model.VolumeGroup;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * Backups of the global environment (Redbook 4.4.1, 4.4.3, RB:3662–3718): {@code mksysb} (rootvg) with {@code -N}
 * for the file systems of WPARs that are not mounted, {@code savevg} (another volume group: only mounted file systems,
 * so the book says to mount the file systems of inactive WPARs first), their listings {@code lsmksysb} and
 * {@code lssavevg} ({@code listvgbackup}), and mounting one file system of an inactive WPAR from the global environment
 * ({@code mount /wpars/NAME/MNT}, RB:9822). The book prints none of their output: flags and output follow IBM's
 * command references (mksysb, savevg, lsmksysb, lssavevg, mount, umount); the image is a {@link SystemImage}.
 */
public final class SystemBackupCommands {

    /** rootvg's own logical volumes (a base AIX 6.1 install, IBM's defaults) besides the WPARs' file systems. */
    static final List<SystemImage.Lv> ROOTVG_BASE = List.of(new SystemImage.Lv("hd5", "boot", 1, "N/A"),
            new SystemImage.Lv("hd6", "paging", 8, "N/A"), new SystemImage.Lv("hd8", "jfs2log", 1, "N/A"),
            new SystemImage.Lv("hd4", "jfs2", 10, "/"), new SystemImage.Lv("hd2", "jfs2", 26, "/usr"),
            new SystemImage.Lv("hd9var", "jfs2", 5, "/var"), new SystemImage.Lv("hd3", "jfs2", 6, "/tmp"),
            new SystemImage.Lv("hd1", "jfs2", 1, "/home"), new SystemImage.Lv("hd10opt", "jfs2", 1, "/opt"),
            new SystemImage.Lv("hd11admin", "jfs2", 1, "/admin"));
    /** Files of the base system counted in a mksysb besides the WPARs' (no content is simulated for them). */
    static final int BASE_FILES = 44618;

    private SystemBackupCommands() {
    }

    /** {@code mksysb [-i] [-e] [-X] [-N] [-m] FILE}: rootvg into FILE (IBM reference: mksysb). */
    public static int mksysb(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("ab:eF:imNpPt:vVx:XZGMTC", "mksysb [-e] [-i] [-m] [-N] [-X] device | file");
        if (g == null) {
            return 2;
        }
        return backup(inv, "mksysb", "rootvg", g.operands().get(0), g.has('N'));
    }

    /** {@code savevg [-i] [-e] [-X] -f FILE VG}: one volume group into FILE (IBM reference: savevg). */
    public static int savevg(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("ab:ef:imprvVXZT", "savevg [-e] [-f device] [-i] [-m] [-X] volumegroup");
        if (g == null) {
            return 2;
        }
        if (!g.has('f')) {
            inv.err("savevg: a backup file is required here (-f FILE): the simulator has no tape device.");
            return 2;
        }
        return backup(inv, "savevg", g.operands().get(0), g.get('f'), false);
    }

    private static int backup(Invocation inv, String kind, String vgName, String file, boolean includeUnmounted)
            throws InterruptedException {
        SimulatedHost host = inv.host;
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<SystemImage.Lv> lvs = new ArrayList<>();
        host.lock().lock();
        try {
            VolumeGroup vg = host.volumeGroups.get(vgName);
            if (vg == null) {
                inv.err("0516-306 getlvodm: Unable to find volume group " + vgName + " in the Device");
                inv.err("        Configuration Database.");
                inv.err(kind + ": 0512-008 " + kind + " failed: the volume group " + vgName + " is not known.");
                return 1;
            }
            if ("rootvg".equals(vgName)) {
                lvs.addAll(ROOTVG_BASE);
                for (String cf : host.files.list("/etc/wpars")) {
                    files.put(cf, host.files.read(cf));
                }
            }
            for (Wpar w : host.wparList()) {
                if (w.type != Wpar.Type.SYSTEM) {
                    continue;
                }
                for (WparFileSystem fs : w.fileSystems) {
                    if (!fs.hasLogicalVolume() || !vgName.equals(fs.volumeGroup())) {
                        continue;
                    }
                    String path = fs.globalPath(w.directory);
                    boolean mounted = isMounted(host, w, path);
                    boolean included = mounted || (includeUnmounted && w.state() == WparState.DEFINED);
                    if (!included) {
                        continue;
                    }
                    LogicalVolume lv = vg.logicalVolumes().get(fs.logicalVolume());
                    lvs.add(new SystemImage.Lv(fs.logicalVolume(), "jfs2", lv == null ? 1 : lv.lps(), path));
                    for (String f : host.files.list(path)) {
                        if (ownerOf(w, f).equals(path)) {
                            files.put(f, host.files.read(f));
                        }
                    }
                }
            }
        } finally {
            host.lock().unlock();
        }
        inv.out("");
        inv.out("rootvg".equals(vgName) ? "Creating information file (/image.data) for rootvg."
                : "Creating information file for volume group " + vgName + ".");
        inv.out("");
        inv.out("Creating list of files to back up.");
        int count = ("rootvg".equals(vgName) ? BASE_FILES : 0) + files.size();
        inv.out("Backing up " + count + " files");
        host.timing.pause(kind);
        SystemImage image = new SystemImage(kind, vgName, host.name, AixDates.now(), host.oslevel, lvs, files);
        host.files.write(file, image.toBytes());
        inv.out(count + " of " + count + " files backed up (100%)");
        inv.out("0512-038 " + kind + ": Backup Completed Successfully.");
        return 0;
    }

    /** The file system of {@code w} a file belongs to: the longest mount path above it. */
    private static String ownerOf(Wpar w, String file) {
        String best = "";
        for (WparFileSystem fs : w.fileSystems) {
            String p = fs.globalPath(w.directory);
            if ((file.startsWith(p + "/") || file.equals(p)) && p.length() > best.length()) {
                best = p;
            }
        }
        return best;
    }

    static boolean isMounted(SimulatedHost host, Wpar w, String globalPath) {
        return w.state() == WparState.ACTIVE || w.state() == WparState.TRANSITIONAL
                || host.fileSystemMounts.contains(globalPath);
    }

    /** {@code lsmksysb [-l] -f FILE} (IBM reference: lsmksysb). */
    public static int lsmksysb(Invocation inv) {
        return list(inv, "lsmksysb");
    }

    /** {@code lssavevg [-l] -f FILE}, also {@code listvgbackup} (IBM reference: lssavevg, listvgbackup). */
    public static int lssavevg(Invocation inv) {
        return list(inv, inv.name());
    }

    private static int list(Invocation inv, String name) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "ab:cd:f:lnrsBDLV");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, name + " [-l] -f device");
        }
        String device = g.has('f') ? g.get('f') : "/dev/rmt0";
        byte[] bytes = inv.host.files.read(device);
        if (bytes == null) {
            inv.err(name + ": 0512-016 Unable to open " + device + ".");
            return 1;
        }
        SystemImage image;
        try {
            image = SystemImage.parse(bytes);
        } catch (SystemImage.CorruptImageException e) {
            inv.err(name + ": " + device + " is not a valid volume group backup (" + e.getMessage() + ").");
            return 1;
        }
        if (g.has('l')) {
            long mb = Math.max(1, bytes.length / (1024 * 1024));
            inv.out(String.format("%-24s%s", "VOLUME GROUP:", image.volumeGroup()));
            inv.out(String.format("%-24s%s", "BACKUP DATE/TIME:", image.date()));
            inv.out(String.format("%-24s%s", "UNAME INFO:", "AIX " + image.sourceHost() + " 1 6 0610A9C"));
            inv.out(String.format("%-24s%s", "BACKUP OSLEVEL:", image.oslevel()));
            inv.out(String.format("%-24s%s", "MAINTENANCE LEVEL:", image.oslevel().length() >= 7
                    ? image.oslevel().substring(0, 7) : image.oslevel()));
            inv.out(String.format("%-24s%d", "BACKUP SIZE (MB):", mb));
            inv.out(String.format("%-24s%d", "SHRINK SIZE (MB):", mb));
            inv.out(String.format("%-24s%s", "VG DATA ONLY:", "mksysb".equals(image.kind()) ? "no" : "yes"));
            inv.out("");
            inv.out(image.volumeGroup() + ":");
            inv.out("LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT");
            for (SystemImage.Lv lv : image.logicalVolumes()) {
                inv.out(String.format("%-20s%-11s%-8d%-8d%-5d%-14s%s", lv.name(), lv.type(), lv.lps(), lv.lps(), 1,
                        "closed/syncd", lv.mountPoint()));
            }
            return 0;
        }
        for (String f : image.files().keySet()) {
            inv.out("." + f);
        }
        return 0;
    }

    /**
     * {@code mount /wpars/NAME/MNT}: one jfs2 file system of a WPAR that is not Active, from the global environment
     * (RB:9822: "Then mount /wpars/&lt;wpar&gt;/&lt;mnt&gt;"). Its WPAR's root file system must be mounted first (the mount
     * point lies in it). Returns null when {@code path} is no WPAR file system of this host (then the caller goes on).
     */
    public static Integer mountWparFileSystem(Invocation inv, String path) {
        SimulatedHost host = inv.host;
        String p = MapFileSystem.normalize(path);
        return host.locked(() -> {
            Optional<Located> at = locate(host, p);
            if (at.isEmpty()) {
                return null;
            }
            Wpar w = at.get().wpar();
            WparFileSystem fs = at.get().fileSystem();
            if (isMounted(host, w, p)) {
                inv.err("mount: 0506-324 Cannot mount /dev/" + fs.logicalVolume() + " on " + p
                        + ": The requested resource is busy.");
                return 1;
            }
            if (!p.equals(w.directory) && w.fileSystems.stream().anyMatch(f -> "/".equals(f.mountPoint())
                    && f.hasLogicalVolume()) && !host.fileSystemMounts.contains(w.directory)) {
                inv.err("mount: 0506-324 Cannot mount /dev/" + fs.logicalVolume() + " on " + p
                        + ": A file or directory in the path name does not exist.");
                return 1;
            }
            host.fileSystemMounts.add(p);
            return 0;
        });
    }

    /** {@code umount /wpars/NAME/MNT} of a file system {@link #mountWparFileSystem} mounted; null if not one. */
    public static Integer unmountWparFileSystem(Invocation inv, String path) {
        SimulatedHost host = inv.host;
        String p = MapFileSystem.normalize(path);
        return host.locked(() -> {
            if (!host.fileSystemMounts.contains(p)) {
                return null;
            }
            Optional<Located> at = locate(host, p);
            boolean busy = host.fileSystemMounts.stream().anyMatch(m -> m.startsWith(p.endsWith("/") ? p : p + "/"));
            if (busy) {
                inv.err("umount: 0506-349 Cannot unmount /dev/"
                        + at.map(l -> l.fileSystem().logicalVolume()).orElse("?") + ": The requested resource is busy.");
                return 1;
            }
            host.fileSystemMounts.remove(p);
            return 0;
        });
    }

    private record Located(Wpar wpar, WparFileSystem fileSystem) {
    }

    private static Optional<Located> locate(SimulatedHost host, String path) {
        for (Wpar w : host.wparList()) {
            for (WparFileSystem fs : w.fileSystems) {
                if ("jfs2".equals(fs.vfs()) && fs.hasLogicalVolume() && fs.globalPath(w.directory).equals(path)) {
                    return Optional.of(new Located(w, fs));
                }
            }
        }
        return Optional.empty();
    }
}
