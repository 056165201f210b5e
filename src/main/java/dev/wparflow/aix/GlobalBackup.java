package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups of the global environment (Redbook 4.4.1 and 4.4.3, RB:3662–3718): {@code mksysb -N} of rootvg (with the
 * file systems of WPARs that are not mounted), {@code savevg} of the other volume groups holding WPAR file systems,
 * after the file systems of the inactive WPARs are mounted ({@code mount /wpars/NAME/MNT}, RB:9822), and their
 * listings. The book gives no syntax or output beyond "-N" (digest §1.25): flags, output and the listing's format follow
 * IBM's command references (mksysb, savevg, lsmksysb, lssavevg, mount, umount).
 */
public final class GlobalBackup {

    private static final Pattern BACKED_UP = Pattern.compile("(\\d+) of (\\d+) files(?: backed up)? \\((\\d+)%\\)");
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Z][A-Z /()]*[A-Z)]):\\s*(.*)$");

    private GlobalBackup() {
    }

    /** What a volume-group backup can be. */
    public enum Kind {
        /** {@code mksysb}: rootvg, bootable */
        MKSYSB("mksysb", "lsmksysb"),
        /** {@code savevg}: another volume group */
        SAVEVG("savevg", "lssavevg");

        private final String command;
        private final String listing;

        Kind(String command, String listing) {
            this.command = command;
            this.listing = listing;
        }

        /** The command name, as the catalog records the kind: {@code mksysb}, {@code savevg}. */
        public String command() {
            return command;
        }

        public String listing() {
            return listing;
        }
    }

    /**
     * {@code mksysb -i -N FILE}: {@code -i} writes /image.data first (IBM reference: mksysb calls mkszfile), {@code -N}
     * backs up the file systems of WPARs that are not mounted too (RB:3675).
     */
    public static AixCommand mksysb(AbsolutePath file) {
        return AixCommand.of("mksysb").flag("-i").flag("-N").arg(file).build();
    }

    /** {@code savevg -i -f FILE VG}: {@code -i} writes the volume group's data file first (IBM reference: savevg). */
    public static AixCommand savevg(VolumeGroupName vg, AbsolutePath file) {
        return AixCommand.of("savevg").flag("-i").flag("-f", file).arg(vg).build();
    }

    /** {@code lsmksysb -l -f FILE} or {@code lssavevg -l -f FILE}: what the backup holds (IBM reference). */
    public static AixCommand describe(Kind kind, AbsolutePath file) {
        return AixCommand.of(kind.listing()).flag("-l").flag("-f", file).build();
    }

    /** {@code mount PATH}: one file system of /etc/filesystems, here a WPAR's (RB:9822). */
    public static AixCommand mount(AbsolutePath mountPoint) {
        return AixCommand.of("mount").arg(mountPoint).build();
    }

    /** {@code umount PATH}. */
    public static AixCommand unmount(AbsolutePath mountPoint) {
        return AixCommand.of("umount").arg(mountPoint).build();
    }

    /**
     * A jfs2 file system of a system WPAR on a logical volume: its WPAR (name, state), its mount point in the global
     * environment ({@code lswpar -M}) and the volume group holding its logical volume ({@code lsvg -l}).
     */
    public record WparFileSystem(String wpar, WparState state, String mountPoint, String logicalVolume,
            String volumeGroup) {
    }

    /** The files a backup reported: its last "N of M files backed up" line, after its 0512-038 line. */
    public record Completed(long filesBackedUp, long filesTotal) {
    }

    /**
     * The output of a finished mksysb or savevg: "0512-038 KIND: Backup Completed Successfully." is required (the same
     * message id as savewpar's, IBM's message catalogue), and the last file count read.
     */
    public static Completed parseCompleted(Kind kind, String out) {
        if (out == null || !out.contains("0512-038 " + kind.command() + ": Backup Completed Successfully.")) {
            throw new UnexpectedOutputException(kind.command() + ": no '0512-038 " + kind.command()
                    + ": Backup Completed Successfully.'");
        }
        Matcher m = BACKED_UP.matcher(out);
        long done = -1;
        long total = -1;
        while (m.find()) {
            done = Long.parseLong(m.group(1));
            total = Long.parseLong(m.group(2));
        }
        return new Completed(done, total);
    }

    /** What {@code lsmksysb -l} / {@code lssavevg -l} print: the header fields and the volume group's LV table. */
    public record BackupInfo(String volumeGroup, String oslevel, Map<String, String> fields,
            List<Lvm.LogicalVolume> logicalVolumes) {

        /** The mount points of the file systems the backup holds. */
        public List<String> mountPoints() {
            return logicalVolumes.stream().map(Lvm.LogicalVolume::mountPoint).filter(p -> p.startsWith("/")).toList();
        }
    }

    /**
     * {@code KEY: value} lines ({@code VOLUME GROUP:}, {@code BACKUP OSLEVEL:} …) up to the first blank line, then
     * {@code VG:} and the table {@code lsvg -l} prints.
     */
    public static BackupInfo parseInfo(String out) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = TextTable.lines(out);
        int n = 0;
        for (; n < lines.size(); n++) {
            String l = lines.get(n).strip();
            if (l.isEmpty()) {
                if (!fields.isEmpty()) {
                    break;
                }
                continue;
            }
            Matcher m = KEY_VALUE.matcher(l);
            if (!m.matches()) {
                break;
            }
            fields.put(m.group(1).strip(), m.group(2).strip());
        }
        if (!fields.containsKey("VOLUME GROUP")) {
            throw UnexpectedOutputException.unknownFormat("lsmksysb -l", out, "no 'VOLUME GROUP:' line");
        }
        List<String> rest = new ArrayList<>(lines.subList(Math.min(n, lines.size()), lines.size()));
        List<Lvm.LogicalVolume> lvs = Lvm.parseLogicalVolumes(String.join("\n", rest));
        return new BackupInfo(fields.get("VOLUME GROUP"), fields.get("BACKUP OSLEVEL"), fields, lvs);
    }
}
