package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WPAR specification file (Redbook 7.2, Example 7-1, digest §6): stanzas ({@code general:}, {@code network:},
 * {@code resources:}, {@code device:}, {@code mount:}, {@code security:}, …) of {@code attribute = "value"} lines; a
 * stanza may repeat. It is what {@code mkwpar -w -o} writes and {@code mkwpar -f} reads, and the text of a template in
 * wparflow's template catalog. The edits are the Redbook's clone-by-spec workflow (7.2, Example 7-2: "edit name,
 * hostname, directory, address"), done by code; the text written back is re-quoted by one writer, so a value can
 * never carry a quote or a line break into the file mkwpar reads.
 */
public final class WparSpec {

    private static final Pattern HEADER = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):\\s*$");
    private static final Pattern ATTR = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");
    private static final int MAX_TEXT = 256 * 1024;

    /** One stanza: its name and its attributes in file order. */
    public record Stanza(String name, Map<String, String> attributes) {
        public String get(String key) {
            return attributes.get(key);
        }
    }

    private final List<Stanza> stanzas;

    private WparSpec(List<Stanza> stanzas) {
        this.stanzas = stanzas;
    }

    /**
     * Parses a spec. Comment lines ({@code #} or {@code *}) and blank lines are skipped; a quoted value may wrap
     * onto following lines (the {@code privs} list of Example 7-1); an unquoted value is taken to the end of the line.
     * Anything else (a line outside any stanza, no {@code general:} stanza) is refused with the line.
     */
    public static WparSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidArgumentException("spec", text, "is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidArgumentException("spec", text.substring(0, 40), "is longer than " + MAX_TEXT + " characters");
        }
        List<Stanza> out = new ArrayList<>();
        Map<String, String> current = null;
        String openKey = null;
        StringBuilder open = null;
        int lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            if (open != null) {
                int q = raw.indexOf('"');
                open.append(q < 0 ? raw.strip() : raw.substring(0, q).strip());
                if (q >= 0) {
                    current.put(openKey, open.toString());
                    open = null;
                }
                continue;
            }
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("*")) {
                continue;
            }
            Matcher h = HEADER.matcher(t);
            if (h.matches()) {
                current = new LinkedHashMap<>();
                out.add(new Stanza(h.group(1), current));
                continue;
            }
            Matcher a = ATTR.matcher(raw);
            if (!a.matches() || current == null) {
                throw new InvalidArgumentException("spec", raw, "line " + lineNo
                        + " is neither 'stanza:' nor 'attribute = \"value\"' inside a stanza");
            }
            String v = a.group(2);
            if (!v.startsWith("\"") && v.contains("\"")) {
                throw new InvalidArgumentException("spec", raw, "line " + lineNo
                        + ": a value with a quote inside must be quoted as a whole");
            }
            if (v.startsWith("\"")) {
                int end = v.indexOf('"', 1);
                if (end < 0) {
                    openKey = a.group(1);
                    open = new StringBuilder(v.substring(1));
                    continue;
                }
                v = v.substring(1, end);
            }
            current.put(a.group(1), v);
        }
        if (open != null) {
            throw new InvalidArgumentException("spec", openKey, "the quoted value of " + openKey + " is never closed");
        }
        if (out.stream().noneMatch(s -> s.name().equals("general"))) {
            throw new InvalidArgumentException("spec", text.lines().findFirst().orElse(""),
                    "has no 'general:' stanza");
        }
        return new WparSpec(out);
    }

    /** The spec as text, every value quoted. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Stanza s : stanzas) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(s.name()).append(":\n");
            s.attributes().forEach((k, v) -> b.append('\t').append(k).append(" = \"").append(v).append("\"\n"));
        }
        return b.toString();
    }

    public List<Stanza> stanzas() {
        return stanzas.stream().map(s -> new Stanza(s.name(), Map.copyOf(s.attributes()))).toList();
    }

    /** {@code general.KEY}. */
    public Optional<String> general(String key) {
        return stanzas.stream().filter(s -> s.name().equals("general")).findFirst()
                .map(s -> s.get(key)).filter(v -> !v.isEmpty());
    }

    /** {@code general.name}, if the spec names its WPAR. */
    public Optional<String> name() {
        return general("name");
    }

    public Optional<String> hostname() {
        return general("hostname");
    }

    public boolean checkpointable() {
        return general("checkpointable").map("yes"::equals).orElse(false);
    }

    /** The addresses of the {@code network} stanzas. */
    public List<String> addresses() {
        return stanzas.stream().filter(s -> s.name().equals("network")).map(s -> s.get("address"))
                .filter(a -> a != null && !a.isEmpty()).toList();
    }

    /** The interfaces of the {@code network} stanzas (en0, or a mapped name such as gordon_if1, RB:10808). */
    public List<String> interfaces() {
        return stanzas.stream().filter(s -> s.name().equals("network")).map(s -> s.get("interface"))
                .filter(a -> a != null && !a.isEmpty()).toList();
    }

    /** The resource controls of the {@code resources} stanza (Table 8-1 names, e.g. {@code resources.totalThreads}). */
    public ResourceControls resourceControls() {
        return ResourceControls.fromKeywords(stanzas.stream().filter(s -> s.name().equals("resources")).findFirst()
                .map(Stanza::attributes).orElse(Map.of()));
    }

    /**
     * The disk the spec's local file systems ask for, in MB: the {@code size} of each {@code mount} stanza with a
     * volume group, in 512-byte blocks as mkwpar's {@code -M size=} (RB:9384-9486).
     */
    public long localFileSystemsMb() {
        long blocks = 0;
        for (Stanza s : stanzas) {
            if (s.name().equals("mount") && s.get("vg") != null && s.get("size") != null) {
                if (!s.get("size").matches("\\d{1,12}")) {
                    throw new InvalidArgumentException("spec", s.get("size"),
                            "mount " + s.get("directory") + ": size must be a number of 512-byte blocks");
                }
                blocks += Long.parseLong(s.get("size"));
            }
        }
        return blocks / 2048;
    }

    /** The volume groups the spec's local file systems are created in. */
    public List<String> volumeGroups() {
        return stanzas.stream().filter(s -> s.name().equals("mount")).map(s -> s.get("vg"))
                .filter(v -> v != null && !v.isEmpty()).distinct().toList();
    }

    // ---------------------------------------------------------------- edits, each returning a new spec

    /**
     * The spec for another WPAR: {@code general.name}, {@code hostname} and {@code directory} ({@code /wpars/NAME}
     * unless {@code directory} is given) replaced; any {@code dev} of a local file system dropped, so mkwpar creates
     * new logical volumes rather than taking the original WPAR's (RB:9512-9588).
     */
    public WparSpec forWpar(WparName name, HostName hostname, AbsolutePath directory) {
        List<Stanza> out = copy();
        Map<String, String> g = out.stream().filter(s -> s.name().equals("general")).findFirst().orElseThrow()
                .attributes();
        g.put("name", name.value());
        g.put("hostname", hostname == null ? name.value() : hostname.value());
        g.put("directory", directory == null ? "/wpars/" + name.value() : directory.value());
        g.remove("preserve");
        for (Stanza s : out) {
            if (s.name().equals("mount") && s.get("vg") != null) {
                s.attributes().remove("dev");
            }
        }
        return new WparSpec(out);
    }

    /** The {@code network} stanzas replaced by one for {@code network} (no network stanza if null). */
    public WparSpec withNetwork(NetworkSpec network) {
        List<Stanza> out = new ArrayList<>();
        boolean placed = false;
        for (Stanza s : copy()) {
            if (s.name().equals("network")) {
                if (!placed && network != null) {
                    out.add(networkStanza(network));
                }
                placed = true;
                continue;
            }
            out.add(s);
        }
        if (!placed && network != null) {
            out.add(indexAfterGeneral(out), networkStanza(network));
        }
        return new WparSpec(out);
    }

    /** {@code general.checkpointable} set ({@code -c}, RB:9296). */
    public WparSpec withCheckpointable(boolean checkpointable) {
        List<Stanza> out = copy();
        out.stream().filter(s -> s.name().equals("general")).findFirst().orElseThrow().attributes()
                .put("checkpointable", checkpointable ? "yes" : "no");
        return new WparSpec(out);
    }

    /** The controls that {@code changes} sets written into the {@code resources} stanza (created if missing). */
    public WparSpec withResourceControls(ResourceControls changes) {
        if (changes == null || changes.isEmpty()) {
            return this;
        }
        List<Stanza> out = copy();
        Stanza r = out.stream().filter(s -> s.name().equals("resources")).findFirst().orElse(null);
        if (r == null) {
            r = new Stanza("resources", new LinkedHashMap<>());
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals("network") || out.get(i).name().equals("general")) {
                    at = i + 1;
                }
            }
            out.add(at, r);
        }
        r.attributes().putAll(changes.asKeywords());
        return new WparSpec(out);
    }

    private static Stanza networkStanza(NetworkSpec n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n.broadcast() != null) {
            m.put("broadcast", n.broadcast().value());
        }
        if (n.interfaceName() != null) {
            m.put("interface", n.interfaceName().value());
        }
        m.put("address", n.address().value());
        if (n.netmask() != null) {
            m.put("netmask", n.netmask().value());
        }
        if (n.prefixLength() != null) {
            m.put("prefixlen", n.prefixLength().toString());
        }
        return new Stanza("network", m);
    }

    private static int indexAfterGeneral(List<Stanza> out) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals("general")) {
                return i + 1;
            }
        }
        return 0;
    }

    private List<Stanza> copy() {
        List<Stanza> out = new ArrayList<>();
        for (Stanza s : stanzas) {
            out.add(new Stanza(s.name(), new LinkedHashMap<>(s.attributes())));
        }
        return out;
    }

}
