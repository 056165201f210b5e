package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about a global environment used by compatibility checks (digest §4.2: processor type, OS and patch
 * levels, filesets bos.rte, bos.wpars, bos.rte.libc, mcr.rte, NTP, memory): oslevel -s, lslpp -Lc, prtconf,
 * lsattr -El sys0, lssrc -s. The Redbook shows only {@code oslevel -r} and {@code lslpp -lq} as commands
 * (RB:5398-5402) and no output of these; formats follow IBM's AIX command references.
 */
public final class SystemInfo {

    private static final Pattern OSLEVEL_S = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(\\d{4})");

    private SystemInfo() {
    }

    /**
     * {@code oslevel -s}: {@code VRMF-TL-SP-BUILD} such as {@code 6100-02-01-0847} (AIX 6.1 TL2 SP1, built week 47 of
     * 2008). Compare with {@link #compareTo}; {@code release()} is {@code 6100}.
     */
    public record OsLevel(String release, int technologyLevel, int servicePack, String build)
            implements Comparable<OsLevel> {

        public int version() {
            return Integer.parseInt(release.substring(0, 1));
        }

        public int subVersion() {
            return Integer.parseInt(release.substring(1, 2));
        }

        @Override
        public int compareTo(OsLevel o) {
            int c = release.compareTo(o.release);
            if (c == 0) {
                c = Integer.compare(technologyLevel, o.technologyLevel);
            }
            if (c == 0) {
                c = Integer.compare(servicePack, o.servicePack);
            }
            return c == 0 ? build.compareTo(o.build) : c;
        }

        @Override
        public String toString() {
            return String.format("%s-%02d-%02d-%s", release, technologyLevel, servicePack, build);
        }
    }

    /** One fileset of {@code lslpp -Lc}. State is {@code C} committed, {@code A} applied, etc. */
    public record Fileset(String packageName, String fileset, String level, String state, String type,
            String description, Map<String, String> fields) {
    }

    /** Selected {@code prtconf} facts, plus every {@code Key: value} line of its summary. */
    public record Prtconf(String systemModel, String serialNumber, String processorType,
            String processorImplementationMode, Integer numberOfProcessors, Integer clockSpeedMhz, String cpuType,
            String kernelType, Integer lparNumber, String lparName, Long memoryMb, String firmwareVersion,
            Map<String, String> all) {
    }

    /** One line of {@code lsattr -El DEVICE}: attribute, value, description, user-settable. */
    public record Attribute(String name, String value, String description, boolean userSettable) {
    }

    /** One subsystem of {@code lssrc}: status {@code active} or {@code inoperative}; pid empty when not running. */
    public record Subsystem(String name, String group, Long pid, String status) {
        public boolean isActive() {
            return "active".equals(status);
        }
    }

    // ---------------------------------------------------------------- commands

    public static AixCommand oslevel() {
        return AixCommand.of("oslevel").flag("-s").build();
    }

    /** {@code lslpp -Lc [FILESET...]}. */
    public static AixCommand lslpp(List<FilesetName> filesets) {
        return AixCommand.of("lslpp").flag("-Lc").args(filesets).build();
    }

    public static AixCommand prtconf() {
        return AixCommand.of("prtconf").build();
    }

    /** {@code lsattr -El sys0}. */
    public static AixCommand lsattrSys0() {
        return AixCommand.of("lsattr").flag("-El").keyword("sys0").build();
    }

    /** {@code lssrc -s SUBSYSTEM}, e.g. xntpd for the NTP check (RB:5379). */
    public static AixCommand lssrc(SubsystemName subsystem) {
        return AixCommand.of("lssrc").flag("-s", subsystem).build();
    }

    // ---------------------------------------------------------------- parsers

    public static OsLevel parseOslevel(String out) {
        Matcher m = OSLEVEL_S.matcher(out.strip());
        if (!m.find()) {
            throw UnexpectedOutputException.unknownFormat("oslevel -s", out,
                    "expected VRMF-TL-SP-BUILD such as 7200-05-03-2148");
        }
        return new OsLevel(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    /** Parses an {@code oslevel -s} string such as {@code 7200-05-03-2148}. */
    public static OsLevel osLevelOf(String s) {
        return parseOslevel(s);
    }

    /**
     * {@code lslpp -Lc}: a header {@code #Package Name:Fileset:Level:State:...} then colon-separated lines. Fields are
     * read by header name when present, else by the standard order.
     */
    public static List<Fileset> parseLslpp(String out) {
        List<String> names = null;
        List<Fileset> result = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                names = List.of(line.substring(1).split(":", -1));
                continue;
            }
            if (names == null) {
                names = List.of("Package Name", "Fileset", "Level", "State", "PTF Id", "Fix State", "Type",
                        "Description");
            }
            String[] v = line.split(":", -1);
            Map<String, String> f = new LinkedHashMap<>();
            for (int i = 0; i < names.size() && i < v.length; i++) {
                f.put(names.get(i).strip(), v[i].strip());
            }
            if (f.getOrDefault("Fileset", "").isEmpty() || f.getOrDefault("Level", "").isEmpty()) {
                throw UnexpectedOutputException.unknownFormat("lslpp -Lc", n + 1, line,
                        "no Fileset or Level field (header: " + String.join(":", names) + ")");
            }
            // IBM's own examples leave State blank and put the state letter (C, A, ...) under "Fix State"
            String state = f.getOrDefault("State", "").isEmpty() ? f.getOrDefault("Fix State", "") : f.get("State");
            result.add(new Fileset(f.get("Package Name"), f.get("Fileset"), f.get("Level"), state,
                    f.get("Type"), f.get("Description"), f));
        }
        return result;
    }

    /** {@code prtconf}: the {@code Key: value} summary before the device list (IBM prtconf reference example). */
    public static Prtconf parsePrtconf(String out) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : TextTable.lines(out)) {
            if (line.startsWith("INSTALLED RESOURCE LIST")) {
                break;
            }
            int c = line.indexOf(": ");
            if (c > 0 && !line.startsWith(" ") && !line.startsWith("+") && !line.startsWith("*")) {
                kv.putIfAbsent(line.substring(0, c).strip(), line.substring(c + 2).strip());
            } else if (line.endsWith(":") && !line.startsWith(" ")) {
                kv.putIfAbsent(line.substring(0, line.length() - 1).strip(), "");
            }
        }
        if (!kv.containsKey("Processor Type") && !kv.containsKey("System Model")) {
            throw UnexpectedOutputException.unknownFormat("prtconf", out,
                    "neither 'System Model:' nor 'Processor Type:' found");
        }
        Integer lparNo = null;
        String lparName = null;
        String lpar = kv.get("LPAR Info");
        if (lpar != null) {
            String[] p = lpar.split("\\s+", 2);
            try {
                lparNo = Integer.parseInt(p[0]);
            } catch (NumberFormatException e) {
                lparNo = null;
            }
            lparName = p.length > 1 ? p[1] : null;
        }
        return new Prtconf(kv.get("System Model"), kv.get("Machine Serial Number"), kv.get("Processor Type"),
                kv.get("Processor Implementation Mode"), leadingInt(kv.get("Number Of Processors")),
                leadingInt(kv.get("Processor Clock Speed")), kv.get("CPU Type"), kv.get("Kernel Type"), lparNo,
                lparName, Optional.ofNullable(leadingInt(kv.get("Memory Size"))).map(Integer::longValue).orElse(null),
                Optional.ofNullable(kv.get("Platform Firmware level")).orElse(kv.get("Firmware Version")), kv);
    }

    private static Integer leadingInt(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = Pattern.compile("^(\\d+)").matcher(s.strip());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** {@code lsattr -El DEVICE}: {@code name value description... True|False} per line. */
    public static List<Attribute> parseLsattr(String out) {
        List<Attribute> attrs = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] tok = t.split("\\s+");
            if (tok.length < 3) {
                throw UnexpectedOutputException.unknownFormat("lsattr -El", n + 1, t,
                        "expected 'attribute value description True|False'");
            }
            String last = tok[tok.length - 1];
            boolean settable = last.equals("True");
            int descEnd = (last.equals("True") || last.equals("False")) ? tok.length - 1 : tok.length;
            String desc = String.join(" ", java.util.Arrays.copyOfRange(tok, 2, descEnd));
            attrs.add(new Attribute(tok[0], tok[1], desc, settable));
        }
        return attrs;
    }

    /** {@code lssrc}: Subsystem, Group, PID, Status (format as in RB:10642-10724). */
    public static List<Subsystem> parseLssrc(String out) {
        List<Subsystem> subs = new ArrayList<>();
        for (Map<String, String> r : Lswpar.table("lssrc", out, "Subsystem", "PID", "Status")) {
            String pid = r.getOrDefault("PID", "");
            if (!pid.matches("\\d*")) {
                throw UnexpectedOutputException.unknownFormat("lssrc", out, "PID '" + pid + "' is not a number");
            }
            subs.add(new Subsystem(r.get("Subsystem"), r.getOrDefault("Group", ""),
                    pid.isEmpty() ? null : Long.valueOf(pid), r.get("Status")));
        }
        return subs;
    }
}
