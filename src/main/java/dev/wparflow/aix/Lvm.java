package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volume groups: {@code lsvg}, {@code lsvg VG} (free PPs, PP size) and {@code lsvg -l VG}. The Redbook shows none
 * of these (digest §0.1); formats follow IBM's lsvg reference. Used to check room for a restwpar/mkwpar.
 */
public final class Lvm {

    private static final Pattern NUM = Pattern.compile("^(\\d+)");
    private static final Pattern MB = Pattern.compile("\\((\\d+) megabytes\\)");

    private Lvm() {
    }

    /** {@code lsvg VG}: the figures wparflow needs plus every {@code KEY: value} pair. */
    public record VolumeGroup(String name, String state, long ppSizeMb, long totalPps, long freePps, long usedPps,
            Long freeMb, Map<String, String> all) {
        /** Free space in MB: from "(N megabytes)" when printed, else free PPs × PP size. */
        public long freeMegabytes() {
            return freeMb != null ? freeMb : freePps * ppSizeMb;
        }
    }

    /** One row of {@code lsvg -l VG}. */
    public record LogicalVolume(String name, String type, int lps, int pps, int pvs, String state, String mountPoint) {
    }

    public static AixCommand listVolumeGroups() {
        return AixCommand.of("lsvg").build();
    }

    public static AixCommand volumeGroup(VolumeGroupName vg) {
        return AixCommand.of("lsvg").arg(vg).build();
    }

    public static AixCommand logicalVolumes(VolumeGroupName vg) {
        return AixCommand.of("lsvg").flag("-l").arg(vg).build();
    }

    /** {@code lsvg}: one volume group name per line. */
    public static List<String> parseVolumeGroupNames(String out) {
        List<String> names = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String l = lines.get(n).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.matches("[A-Za-z0-9_.-]+")) {
                throw UnexpectedOutputException.unknownFormat("lsvg", n + 1, l, "expected one volume group name");
            }
            names.add(l);
        }
        return names;
    }

    /**
     * {@code lsvg VG}: two columns of {@code KEY: value} pairs per line, separated by runs of spaces
     * ({@code VG STATE:           active                   PP SIZE:        64 megabyte(s)}).
     */
    public static VolumeGroup parseVolumeGroup(String out) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : TextTable.lines(out)) {
            String pending = null;
            for (String seg : line.strip().split("\\s{2,}")) {
                if (seg.isEmpty()) {
                    continue;
                }
                if (pending != null && !seg.endsWith(":")) {
                    kv.put(pending, seg);
                    pending = null;
                } else if (seg.endsWith(":")) {
                    if (pending != null) {
                        kv.put(pending, "");
                    }
                    pending = seg.substring(0, seg.length() - 1).strip();
                } else if (seg.contains(": ")) {
                    int c = seg.indexOf(": ");
                    kv.put(seg.substring(0, c).strip(), seg.substring(c + 2).strip());
                }
            }
            if (pending != null) {
                kv.put(pending, "");
            }
        }
        if (!kv.containsKey("VOLUME GROUP") || !kv.containsKey("FREE PPs")) {
            throw UnexpectedOutputException.unknownFormat("lsvg VG", out, "no 'VOLUME GROUP:' or 'FREE PPs:'");
        }
        Matcher free = MB.matcher(kv.get("FREE PPs"));
        return new VolumeGroup(kv.get("VOLUME GROUP"), kv.getOrDefault("VG STATE", ""), num(kv.get("PP SIZE")),
                num(kv.get("TOTAL PPs")), num(kv.get("FREE PPs")), num(kv.get("USED PPs")),
                free.find() ? Long.valueOf(free.group(1)) : null, kv);
    }

    private static long num(String s) {
        if (s == null) {
            return -1;
        }
        Matcher m = NUM.matcher(s.strip());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** {@code lsvg -l VG}: a {@code VG:} line, then the LV NAME / TYPE / LPs / PPs / PVs / LV STATE / MOUNT POINT table. */
    public static List<LogicalVolume> parseLogicalVolumes(String out) {
        List<LogicalVolume> lvs = new ArrayList<>();
        boolean inTable = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.startsWith("LV NAME")) {
                inTable = true;
                continue;
            }
            if (!inTable || t.isEmpty()) {
                continue;
            }
            String[] tok = t.split("\\s+", 7);
            if (tok.length < 6 || !tok[2].matches("\\d+") || !tok[3].matches("\\d+") || !tok[4].matches("\\d+")) {
                throw UnexpectedOutputException.unknownFormat("lsvg -l", n + 1, t,
                        "expected 'LV NAME TYPE LPs PPs PVs LV STATE [MOUNT POINT]'");
            }
            lvs.add(new LogicalVolume(tok[0], tok[1], Integer.parseInt(tok[2]), Integer.parseInt(tok[3]),
                    Integer.parseInt(tok[4]), tok[5], tok.length > 6 ? tok[6] : ""));
        }
        if (!inTable && !out.isBlank()) {
            throw UnexpectedOutputException.unknownFormat("lsvg -l", out, "no 'LV NAME' header");
        }
        return lvs;
    }
}
