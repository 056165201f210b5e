package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** savewpar, restwpar and lssavewpar (digest §1.9, §1.10, §1.12; procedures §3.11, §3.12). */
public final class WparBackup {

    private static final Pattern BACKED_UP = Pattern.compile("(\\d+) of (\\d+) files \\((\\d+)%\\)");
    private static final Pattern SAVE_OK = Pattern.compile("0512-038 savewpar: Backup Completed Successfully\\.");
    private static final Pattern RESTORED = Pattern.compile("The number of restored files is (\\d+)\\.");
    private static final Pattern LV_RENAME = Pattern.compile(
            "ATTENTION: Logical volume '([^']+)' is not unique\\. Renaming to '([^']+)'\\.");
    private static final Pattern BACKUP_DATE = Pattern.compile("The backup date is: (.+)");
    private static final Pattern LISTED = Pattern.compile("^\\s*(?:x\\s+)?(?:\\d+\\s+)?(\\.?/\\S.*)$");

    private WparBackup() {
    }

    /** savewpar result: files backed up (the last "N of M files" line) and the 0512-038 confirmation. */
    public record Saved(long filesBackedUp, long filesTotal) {
    }

    /** restwpar result: the created WPAR, files restored (last count), LV renames (RB:4005), the image's date. */
    public record Restored(String name, long filesRestored, Map<String, String> logicalVolumeRenames,
            String backupDate, List<AixMessage> resolvedConflicts) {
    }

    /**
     * {@code savewpar [-i] [-m] [-X] [-N] -f IMAGE NAME} (RB:3749, RB:9862, RB:9875). {@code -i}/{@code -m} are [SILENT]
     * in the book for savewpar; per IBM's savewpar reference {@code -i} creates the image.data file and {@code -m}
     * creates the LP-to-PP map files. {@code -X} grows /tmp when needed (RB:9849); {@code -N} also backs up the
     * writable NFS file systems (RB:9875).
     */
    public static AixCommand savewpar(WparName name, AbsolutePath image, Save... options) {
        java.util.Set<Save> o = options.length == 0 ? java.util.EnumSet.noneOf(Save.class)
                : java.util.EnumSet.copyOf(List.of(options));
        AixCommand.Builder b = AixCommand.of("savewpar").flag("-f", image);
        if (o.contains(Save.IMAGE_DATA)) {
            b.flag("-i");
        }
        if (o.contains(Save.MAPS)) {
            b.flag("-m");
        }
        if (o.contains(Save.EXPAND_TMP)) {
            b.flag("-X");
        }
        if (o.contains(Save.INCLUDE_NFS)) {
            b.flag("-N");
        }
        return b.arg(name).build();
    }

    /** savewpar's options: {@code -i} image.data, {@code -m} LP-to-PP maps, {@code -X} grow /tmp, {@code -N} NFS. */
    public enum Save {
        IMAGE_DATA, MAPS, EXPAND_TMP, INCLUDE_NFS
    }

    public static Saved parseSaved(String out) {
        if (!SAVE_OK.matcher(out).find()) {
            throw new UnexpectedOutputException("savewpar: no '0512-038 savewpar: Backup Completed Successfully.'");
        }
        Matcher m = BACKED_UP.matcher(out);
        long done = -1;
        long total = -1;
        while (m.find()) {
            done = Long.parseLong(m.group(1));
            total = Long.parseLong(m.group(2));
        }
        return new Saved(done, total);
    }

    /**
     * restwpar's flags as the book uses them (RB:3889, RB:3975): {@code -f} image, {@code -n} new name, {@code -h}
     * hostname, {@code -d} base directory, {@code -i} edited image.data, {@code -M} mkwpar flags, {@code -U}
     * ([SILENT] in the book; per IBM's restwpar reference it replaces the spec file's settings with the flags given).
     */
    public record RestwparRequest(AbsolutePath image, WparName newName, HostName hostname, AbsolutePath baseDirectory,
            AbsolutePath imageData, MkwparOptions mkwparOptions, boolean useCommandLineSettings) {

        public RestwparRequest {
            if (image == null) {
                throw new InvalidArgumentException("image", null,
                        "is required (restwpar would otherwise read /dev/rmt0, RB:9883)");
            }
        }

        /** {@code restwpar -f IMAGE}: the WPAR exactly as the image's spec describes it. */
        public static RestwparRequest asSaved(AbsolutePath image) {
            return new RestwparRequest(image, null, null, null, null, null, false);
        }
    }

    public static AixCommand restwpar(RestwparRequest r) {
        AixCommand.Builder b = AixCommand.of("restwpar");
        if (r.newName() != null) {
            b.flag("-n", r.newName());
        }
        if (r.hostname() != null) {
            b.flag("-h", r.hostname());
        }
        if (r.baseDirectory() != null) {
            b.flag("-d", r.baseDirectory());
        }
        if (r.imageData() != null) {
            b.flag("-i", r.imageData());
        }
        if (r.mkwparOptions() != null) {
            b.flag("-M", r.mkwparOptions());
        }
        if (r.useCommandLineSettings()) {
            b.flag("-U");
        }
        return b.flag("-f", r.image()).build();
    }

    public static Restored parseRestored(String out) {
        WparLifecycle.Created created = WparLifecycle.parseCreated(out);
        long files = -1;
        Matcher m = RESTORED.matcher(out);
        while (m.find()) {
            files = Long.parseLong(m.group(1));
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Matcher r = LV_RENAME.matcher(out);
        while (r.find()) {
            renames.put(r.group(1), r.group(2));
        }
        Matcher d = BACKUP_DATE.matcher(out);
        return new Restored(created.name(), files, renames, d.find() ? d.group(1).strip() : null,
                created.resolvedConflicts());
    }

    /**
     * {@code lssavewpar -f IMAGE}: lists the files in a savewpar image (RB:9892 names the command; syntax and output
     * are [SILENT]; per IBM's lssavewpar reference it prints one path per line, like {@code restore -T}).
     */
    public static AixCommand lssavewpar(AbsolutePath image) {
        return AixCommand.of("lssavewpar").flag("-f", image).build();
    }

    /** Paths listed, accepting {@code ./path}, {@code /path}, and restore's {@code x  SIZE ./path} forms. */
    public static List<String> parseListing(String out) {
        List<String> paths = new ArrayList<>();
        for (String l : TextTable.lines(out)) {
            Matcher m = LISTED.matcher(l);
            if (m.matches()) {
                paths.add(m.group(1).strip());
            }
        }
        // other lines are restore's volume header (cluster size, backup date in the host's locale), not members; an
        // image whose listing yields none fails the member check of its caller
        return paths;
    }
}
