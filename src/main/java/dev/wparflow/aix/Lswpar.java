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
            throw UnexpectedOutputException.unknownFormat("lswpar", String.join("\n", lines),
                    "no 'Name' column in the header");
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
        List<String> lines = TextTable.lines(stdout);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                names = TextTable.splitEscaped(line.substring(1).strip(), ':');
                if (!names.contains("name")) {
                    throw UnexpectedOutputException.unknownFormat("lswpar -c", n + 1, line, "no 'name' field");
                }
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
                // without a header an extra field cannot be placed; with one, every field has its name
                throw UnexpectedOutputException.unknownFormat("lswpar -c", n + 1, line,
                        "expected " + names.size() + " fields (" + String.join(":", names) + "), got "
                                + values.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), values.get(i));
            }
            WparState state = WparState.parse(m.get("state"));
            if (state == WparState.UNKNOWN && m.get("state") != null) {
                throw UnexpectedOutputException.unknownFormat("lswpar -c", n + 1, line,
                        "state '" + m.get("state") + "' is not a WPAR state");
            }
            out.add(new WparInfo(m.get("name"), state, WparType.parse(m.get("type")),
                    m.get("hostname"), m.get("directory"), m));
        }
        return out;
    }

    /** {@code lswpar -N}: rows of Name, Interface, Address(6), Mask/Prefix, Broadcast (RB:10785-10793). */
    public static List<WparNetwork> parseNetwork(String stdout) {
        List<WparNetwork> out = new ArrayList<>();
        for (Map<String, String> r : table("lswpar -N", stdout, "Name", "Interface", "Address(6)")) {
            out.add(new WparNetwork(r.get("Name"), r.get("Interface"), r.get("Address(6)"), r.get("Mask/Prefix"),
                    r.get("Broadcast")));
        }
        return out;
    }

    /** {@code lswpar -M}: Name, MountPoint, Device, Vfs, Nodename, Options (IBM reference format). */
    public static List<WparMount> parseMounts(String stdout) {
        List<WparMount> out = new ArrayList<>();
        for (Map<String, String> r : table("lswpar -M", stdout, "Name", "MountPoint", "Device", "Vfs")) {
            out.add(new WparMount(r.get("Name"), r.get("MountPoint"), r.get("Device"), r.get("Vfs"),
                    r.getOrDefault("Nodename", ""), r.getOrDefault("Options", "")));
        }
        return out;
    }

    /**
     * The rows of a column table whose header holds at least {@code required} (more columns are fine: each is read by
     * its name). A header without them is an unknown format, even when no row follows.
     */
    static List<Map<String, String>> table(String command, String stdout, String... required) {
        List<String> lines = TextTable.lines(stdout);
        List<Map<String, String>> rows = TextTable.parse(lines);
        String header = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse(null);
        if (header == null) {
            return rows;
        }
        List<String> columns = List.of(header.strip().split("\\s+"));
        for (String r : required) {
            if (!columns.contains(r)) {
                throw UnexpectedOutputException.unknownFormat(command, lines.indexOf(header) + 1, header,
                        "no '" + r + "' column in the header");
            }
        }
        return rows;
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
                if (state == WparState.UNKNOWN) {
                    throw UnexpectedOutputException.unknownFormat("lswpar -L", i + 1, l,
                            "'" + t.substring(d + 3).strip() + "' is not a WPAR state");
                }
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
            throw UnexpectedOutputException.unknownFormat("lswpar -L", stdout,
                    "no 'NAME - State' banner between lines of '='");
        }
        return new WparDetails(name, state, props, tables);
    }

    /**
     * The {@code Key: value} lines and sections of {@code lswpar -L} as the Redbook (RB:8531-8569) and the simulator
     * print them; IBM's AIX 7.x reference names more, which parse but are not read by wparflow.
     */
    static final Map<String, List<String>> KNOWN_DETAILS = Map.of(
            "GENERAL", List.of("Type", "Owner", "Hostname", "WPAR-Specific Routing", "Directory", "Start/Stop Script",
                    "Auto", "Private /usr", "Checkpointable", "Application"),
            "NETWORK", List.of(), "USER-SPECIFIED ROUTES", List.of(), "FILE SYSTEMS", List.of(),
            "RESOURCE CONTROLS", List.of("Active", "RSet", "CPU Shares", "CPU Limits", "Memory Shares",
                    "Memory Limits", "Per-Process Virtual Memory Limit", "Total Processes", "Total Threads"));

    /**
     * What {@code lswpar -L} printed that {@link #parseDetails} accepted without knowing it: sections ({@code
     * section SECURITY SETTINGS}) and {@code Key:} lines ({@code GENERAL: UUID}) outside {@link #KNOWN_DETAILS}.
     * The parse is still right (each value keeps its key); preflight reports these so a new field is seen.
     */
    public static List<String> unknownDetails(String stdout) {
        WparDetails d = parseDetails(stdout);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> s : d.properties().entrySet()) {
            List<String> keys = KNOWN_DETAILS.get(s.getKey());
            if (keys == null) {
                unknown.add("section " + s.getKey());
                continue;
            }
            for (String k : s.getValue().keySet()) {
                if (!keys.contains(k)) {
                    unknown.add(s.getKey() + ": " + k);
                }
            }
        }
        for (String t : d.tables().keySet()) {
            if (!KNOWN_DETAILS.containsKey(t)) {
                unknown.add("section " + t);
            }
        }
        unknown.sort(null);
        return unknown;
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
        int bannerLine = 0;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = TextTable.lines(stdout);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.matches("={10,}") && i + 2 < lines.size() && lines.get(i + 2).strip().matches("={10,}")) {
                if (name != null) {
                    out.put(name, resourceControls(name, values, bannerLine, lines.get(bannerLine - 1)));
                }
                bannerLine = i + 2;
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
            out.put(name, resourceControls(name, values, bannerLine, lines.get(bannerLine - 1)));
        }
        return out;
    }

    /** The controls under the banner at line {@code bannerLine} ({@code banner} its text), for the messages. */
    private static ResourceControls resourceControls(String wpar, Map<String, String> v, int bannerLine,
            String banner) {
        if (!v.containsKey("CPU Limits") || !v.containsKey("Memory Limits")) {
            throw UnexpectedOutputException.unknownFormat("lswpar -R", bannerLine, banner,
                    "no 'CPU Limits:' or 'Memory Limits:' line for WPAR " + wpar);
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
            throw UnexpectedOutputException.unknownFormat("lswpar -R", bannerLine, banner,
                    "WPAR " + wpar + ": " + e.getMessage());
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
