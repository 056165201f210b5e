package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * lswpar: commands and parsers for the default table, {@code -c} delimited ({@code -a}, {@code -q}, {@code -s}),
 * {@code -L} long, {@code -N} network and {@code -M} mounts. lswpar "does not manage locks" (RB:4655), so it is
 * the safe "look first" step of every idempotent remote step.
 */
public final class Lswpar {

    public static final String PROGRAM = "lswpar";

    /** The fields of the default table, in its order. */
    public static final List<LswparField> DEFAULT_FIELDS = List.of(LswparField.NAME, LswparField.STATE,
            LswparField.TYPE, LswparField.HOSTNAME, LswparField.DIRECTORY);

    private Lswpar() {
    }

    // ---------------------------------------------------------------- commands

    /** {@code lswpar [-s STATE] [NAME...]}: the default table. */
    public static AixCommand table(WparState stateFilter, Collection<WparName> names) {
        AixCommand.Builder b = AixCommand.of(PROGRAM);
        stateFilter(b, stateFilter);
        return b.args(names).build();
    }

    public static AixCommand table() {
        return table(null, List.of());
    }

    /**
     * {@code lswpar -c [-a f1,f2] [-q] [-s STATE] [NAME...]}. Without fields, lswpar prints its default set; with
     * {@code quiet} the {@code #} header is omitted and the parser falls back to the requested field list.
     */
    public static AixCommand delimited(List<LswparField> fields, boolean quiet, WparState stateFilter,
            Collection<WparName> names) {
        AixCommand.Builder b = AixCommand.of(PROGRAM).flag("-c");
        if (quiet && (fields == null || fields.isEmpty())) {
            // without a header the parser must know the fields: ask for the five it assumes rather than trusting
            // lswpar's default set (IBM's reference lists more default fields than the five)
            fields = DEFAULT_FIELDS;
        }
        if (fields != null && !fields.isEmpty()) {
            StringJoiner j = new StringJoiner(",");
            fields.forEach(f -> j.add(f.fieldName()));
            b.option("-a", j.toString());
        }
        if (quiet) {
            b.flag("-q");
        }
        stateFilter(b, stateFilter);
        return b.args(names).build();
    }

    /** {@code lswpar -L NAME}. */
    public static AixCommand details(WparName name) {
        return AixCommand.of(PROGRAM).flag("-L").arg(name).build();
    }

    /** {@code lswpar -N [NAME...]}. */
    public static AixCommand network(Collection<WparName> names) {
        return AixCommand.of(PROGRAM).flag("-N").args(names).build();
    }

    /** {@code lswpar -M [NAME...]}. */
    public static AixCommand mounts(Collection<WparName> names) {
        return AixCommand.of(PROGRAM).flag("-M").args(names).build();
    }

    /** {@code lswpar -R [NAME...]}: the resource controls (RB:11522). */
    public static AixCommand resources(Collection<WparName> names) {
        return AixCommand.of(PROGRAM).flag("-R").args(names).build();
    }

    private static void stateFilter(AixCommand.Builder b, WparState s) {
        if (s != null) {
            if (s == WparState.UNKNOWN) {
                throw new InvalidArgumentException("stateFilter", s.name(), "must be a real WPAR state");
            }
            b.option("-s", s.code());
        }
    }

    // ---------------------------------------------------------------- parsers

    /**
     * The default table ({@code Name State Type Hostname Directory}, RB:2506-2514). Empty output, or a lone
     * {@code #} prompt as the book prints it (RB:2885), means no WPARs.
     */
    public static List<WparInfo> parseTable(String stdout) {
        List<String> lines = new ArrayList<>();
        for (String l : TextTable.lines(stdout)) {
            if (!l.strip().equals("#")) {
                lines.add(l);
            }
        }
        List<WparInfo> out = new ArrayList<>();
        List<Map<String, String>> rows = TextTable.parse(lines);
        if (!rows.isEmpty() && !rows.get(0).containsKey("Name")) {
            throw new UnexpectedOutputException("lswpar: no 'Name' column in header");
        }
        for (Map<String, String> r : rows) {
            out.add(new WparInfo(r.get("Name"), WparState.parse(r.get("State")), WparType.parse(r.get("Type")),
                    r.get("Hostname"), r.get("Directory"), r));
        }
        return out;
    }

    /**
     * {@code lswpar -c}: a header beginning with {@code #} naming the fields (absent with {@code -q}), then one line per
     * WPAR, fields separated by {@code :} ({@code \:} inside a value). Fields are taken from the header when present,
     * else from {@code requested}; with neither, the default order name:state:type:hostname:directory is assumed.
     */
    public static List<WparInfo> parseDelimited(String stdout, List<LswparField> requested) {
        List<String> names = null;
        List<WparInfo> out = new ArrayList<>();
        for (String line : TextTable.lines(stdout)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                names = TextTable.splitEscaped(line.substring(1).strip(), ':');
                continue;
            }
            if (names == null) {
                names = new ArrayList<>();
                List<LswparField> f = requested == null || requested.isEmpty()
                        ? List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE, LswparField.HOSTNAME,
                                LswparField.DIRECTORY)
                        : requested;
                for (LswparField x : f) {
                    names.add(x.fieldName());
                }
            }
            List<String> values = TextTable.splitEscaped(line, ':');
            if (values.size() != names.size()) {
                throw new UnexpectedOutputException("lswpar -c: expected " + names.size() + " fields, got "
                        + values.size() + " in line '" + InvalidArgumentException.printable(line) + "'");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), values.get(i));
            }
            out.add(new WparInfo(m.get("name"), WparState.parse(m.get("state")), WparType.parse(m.get("type")),
                    m.get("hostname"), m.get("directory"), m));
        }
        return out;
    }

    /** {@code lswpar -N}: rows of Name, Interface, Address(6), Mask/Prefix, Broadcast (RB:10785-10793). */
    public static List<WparNetwork> parseNetwork(String stdout) {
        List<WparNetwork> out = new ArrayList<>();
        for (Map<String, String> r : TextTable.parse(TextTable.lines(stdout))) {
            out.add(new WparNetwork(r.get("Name"), r.get("Interface"), r.get("Address(6)"), r.get("Mask/Prefix"),
                    r.get("Broadcast")));
        }
        return out;
    }

    /** {@code lswpar -M}: Name, MountPoint, Device, Vfs, Nodename, Options (IBM reference format). */
    public static List<WparMount> parseMounts(String stdout) {
        List<WparMount> out = new ArrayList<>();
        for (Map<String, String> r : TextTable.parse(TextTable.lines(stdout))) {
            out.add(new WparMount(r.get("Name"), r.get("MountPoint"), r.get("Device"), r.get("Vfs"),
                    r.getOrDefault("Nodename", ""), r.getOrDefault("Options", "")));
        }
        return out;
    }

    /**
     * {@code lswpar -L NAME}: a banner ({@code =} lines around {@code NAME - State}), then sections headed by an
     * upper-case line (GENERAL, NETWORK, USER-SPECIFIED ROUTES, ...). A section holds {@code Key: value} lines or a
     * table (header, dashes, rows). Several WPARs in one output: only the first is returned (ask for one name).
     */
    public static WparDetails parseDetails(String stdout) {
        List<String> lines = TextTable.lines(stdout);
        String name = null;
        WparState state = WparState.UNKNOWN;
        Map<String, Map<String, String>> props = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        String section = null;
        int banners = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String t = l.strip();
            if (t.matches("={10,}")) {
                banners++;
                if (banners > 2) {
                    break; // the next WPAR
                }
                continue;
            }
            if (banners == 1 && name == null && t.contains(" - ")) {
                int d = t.lastIndexOf(" - ");
                name = t.substring(0, d).strip();
                state = WparState.parse(t.substring(d + 3));
                continue;
            }
            if (t.isEmpty()) {
                continue;
            }
            if (isSectionTitle(t)) {
                section = t;
                // a table follows when the next-but-one line is dashes
                if (i + 2 < lines.size() && lines.get(i + 2).strip().matches("-{3,}")) {
                    List<String> block = new ArrayList<>();
                    int j = i + 1;
                    for (; j < lines.size() && !lines.get(j).isBlank() && !isSectionTitle(lines.get(j).strip())
                            || j == i + 2; j++) {
                        block.add(lines.get(j));
                    }
                    tables.put(section, TextTable.parse(block));
                    i = j - 1;
                } else {
                    props.putIfAbsent(section, new LinkedHashMap<>());
                }
                continue;
            }
            int c = t.indexOf(':');
            if (section != null && c > 0) {
                props.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(t.substring(0, c).strip(),
                        t.substring(c + 1).strip());
            }
        }
        if (name == null) {
            throw new UnexpectedOutputException("lswpar -L: no 'NAME - State' banner");
        }
        return new WparDetails(name, state, props, tables);
    }

    private static boolean isSectionTitle(String t) {
        return t.matches("[A-Z][A-Z0-9 /()-]*[A-Z)]") && !t.contains(":");
    }

    /**
     * {@code lswpar -R}: per WPAR a banner ({@code NAME - State} between lines of {@code =}) and the {@code Key: value}
     * lines of Examples 8-1..8-5 (RB:11561-11900); {@code unlimited} is a control not set. A line that is not one of
     * the book's keys is skipped (later AIX levels add some); a banner without the limits is unexpected output.
     */
    public static Map<String, ResourceControls> parseResources(String stdout) {
        Map<String, ResourceControls> out = new LinkedHashMap<>();
        String name = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = TextTable.lines(stdout);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.matches("={10,}") && i + 2 < lines.size() && lines.get(i + 2).strip().matches("={10,}")) {
                if (name != null) {
                    out.put(name, resourceControls(name, values));
                }
                String banner = lines.get(i + 1).strip();
                int d = banner.lastIndexOf(" - ");
                name = d > 0 ? banner.substring(0, d).strip() : banner;
                values = new LinkedHashMap<>();
                i += 2;
                continue;
            }
            int c = t.indexOf(':');
            if (name != null && c > 0) {
                values.put(t.substring(0, c).strip(), t.substring(c + 1).strip());
            }
        }
        if (name != null) {
            out.put(name, resourceControls(name, values));
        }
        return out;
    }

    private static ResourceControls resourceControls(String wpar, Map<String, String> v) {
        if (!v.containsKey("CPU Limits") || !v.containsKey("Memory Limits")) {
            throw new UnexpectedOutputException("lswpar -R " + wpar + ": no 'CPU Limits:' or 'Memory Limits:' line");
        }
        try {
            String active = v.get("Active");
            String vm = unlimited(v.get("Per-Process Virtual Memory Limit"));
            return new ResourceControls(active == null ? null : active.equals("yes"),
                    intOrNull(v.get("CPU Shares")), ResourceControls.Limits.parse("CPU Limits", v.get("CPU Limits")),
                    intOrNull(v.get("Memory Shares")),
                    ResourceControls.Limits.parse("Memory Limits", v.get("Memory Limits")),
                    vm == null ? null : ResourceControls.parseSizeMb("procVirtMem", vm),
                    longOrNull(v.get("Total Processes")), longOrNull(v.get("Total Threads")));
        } catch (IllegalArgumentException e) {
            throw new UnexpectedOutputException("lswpar -R " + wpar + ": " + e.getMessage());
        }
    }

    private static String unlimited(String s) {
        return s == null || s.isBlank() || s.equals("unlimited") ? null : s;
    }

    private static Integer intOrNull(String s) {
        return unlimited(s) == null ? null : Integer.valueOf(s);
    }

    private static Long longOrNull(String s) {
        return unlimited(s) == null ? null : Long.valueOf(s);
    }
}
