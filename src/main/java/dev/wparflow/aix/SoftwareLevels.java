package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fileset levels of a global environment or of a WPAR, by part: the usr part ({@code /usr/lib/objrepos}) and the
 * root part ({@code /etc/objrepos}). In a shared system WPAR the usr part is the global environment's and the root part
 * its own; a detached WPAR (private /usr) has both of its own. A global environment's root and usr levels are the same
 * when read with {@code lslpp -Lc}, which lists one level per fileset.
 *
 * <p>Compare a WPAR's levels with its global environment's with {@link #driftFrom}: the filesets whose level in the
 * WPAR (usr or root part) differs from the global one, or which only one of them has — what syncwpar or inuwpar must
 * bring in line (Redbook 4.3.2: "Synchronize the WPAR after the software installation in the global environment").
 */
public record SoftwareLevels(Map<String, String> usr, Map<String, String> root) {

    private static final Pattern LINE = Pattern.compile("^\\s+(\\S+)\\s+(\\d+(?:\\.\\d+){0,3})\\s+(\\S+)\\s*(.*)$");

    public SoftwareLevels {
        usr = Collections.unmodifiableMap(new TreeMap<>(usr));
        root = Collections.unmodifiableMap(new TreeMap<>(root));
    }

    /** Levels with the same usr and root parts (a global environment as lslpp -Lc lists it). */
    public static SoftwareLevels of(Map<String, String> levels) {
        return new SoftwareLevels(levels, levels);
    }

    /** One fileset whose level in a WPAR is not its global environment's. */
    public record Drift(String fileset, String globalLevel, String wparLevel, Part part) {
        /** A level the WPAR lacks, or that the global environment no longer has, is null. */
        public boolean behind() {
            return globalLevel != null && (wparLevel == null || FilesetLevel.compareLevels(wparLevel, globalLevel) < 0);
        }
    }

    /** Which part of a fileset a level belongs to. */
    public enum Part {
        USR, ROOT
    }

    /** The level of {@code fileset} (its root part when the parts differ, else the usr part), or null. */
    public String level(String fileset) {
        String r = root.get(fileset);
        return r != null ? r : usr.get(fileset);
    }

    /** Every fileset either part lists. */
    public List<String> filesets() {
        TreeMap<String, String> all = new TreeMap<>(usr);
        all.putAll(root);
        return new ArrayList<>(all.keySet());
    }

    /**
     * The filesets of this WPAR whose level differs from {@code global}'s, root part first when both differ: one entry
     * per fileset, by name. A fileset the global environment has and the WPAR does not is behind (wparLevel null); one
     * only the WPAR has is listed with globalLevel null.
     */
    public List<Drift> driftFrom(SoftwareLevels global) {
        List<Drift> drift = new ArrayList<>();
        TreeMap<String, String> globalLevels = new TreeMap<>(global.usr);
        global.root.forEach(globalLevels::putIfAbsent);
        for (var e : globalLevels.entrySet()) {
            String f = e.getKey();
            String g = e.getValue();
            String r = root.get(f);
            String u = usr.get(f);
            if (!g.equals(r)) {
                drift.add(new Drift(f, g, r, Part.ROOT));
            } else if (u != null && !g.equals(u)) {
                drift.add(new Drift(f, g, u, Part.USR));
            }
        }
        for (String f : filesets()) {
            if (!globalLevels.containsKey(f)) {
                drift.add(new Drift(f, null, level(f), root.containsKey(f) ? Part.ROOT : Part.USR));
            }
        }
        drift.sort((a, b) -> a.fileset().compareTo(b.fileset()));
        return drift;
    }

    /** Whether this WPAR's levels are its global environment's. */
    public boolean inSyncWith(SoftwareLevels global) {
        return driftFrom(global).isEmpty();
    }

    /**
     * {@code lslpp -l [FILESET…]} (IBM reference: lslpp; the fileset lines as in the Redbook's Example 4-18,
     * RB:3530-3546): a header, then a {@code Path: /usr/lib/objrepos} section (usr part), a {@code Path: /etc/objrepos}
     * section (root part) and possibly {@code Path: /usr/share/lib/objrepos} (share part, not kept). A line with a
     * level that is not in a section, or output with filesets but no section, is an unknown format.
     */
    public static SoftwareLevels parseLslppL(String out) {
        Map<String, String> usr = new TreeMap<>();
        Map<String, String> root = new TreeMap<>();
        Map<String, String> section = null;
        boolean sawSection = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("---") || t.startsWith("Fileset ")) {
                continue;
            }
            if (t.startsWith("Path:")) {
                String path = t.substring(5).strip();
                sawSection = true;
                section = switch (path) {
                    case "/usr/lib/objrepos" -> usr;
                    case "/etc/objrepos" -> root;
                    default -> new TreeMap<>(); // the share part: not a level wparflow compares
                };
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                // a description continued on its own line
                if (line.startsWith("                 ")) {
                    continue;
                }
                throw UnexpectedOutputException.unknownFormat("lslpp -l", n + 1, line,
                        "expected '  FILESET LEVEL STATE DESCRIPTION' or 'Path: DIR'");
            }
            if (section == null) {
                throw UnexpectedOutputException.unknownFormat("lslpp -l", n + 1, line,
                        "fileset line before any 'Path:' section");
            }
            section.put(m.group(1), m.group(2));
        }
        if (!sawSection && !out.isBlank()) {
            throw UnexpectedOutputException.unknownFormat("lslpp -l", out, "no 'Path: /usr/lib/objrepos' section");
        }
        return new SoftwareLevels(usr, root);
    }

    /** {@code lslpp -Lc}: one level per fileset, for both parts. */
    public static SoftwareLevels parseLslppLc(String out) {
        Map<String, String> levels = new TreeMap<>();
        for (SystemInfo.Fileset f : SystemInfo.parseLslpp(out)) {
            levels.put(f.fileset(), f.level());
        }
        return of(levels);
    }
}
