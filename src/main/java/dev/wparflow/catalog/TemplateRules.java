package dev.wparflow.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.InterfaceName;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparSpec;

/**
 * What the template catalog accepts. A spec is refused with the line it is wrong on, so the author finds it: what
 * {@link WparSpec#parse} refuses, a {@code mount} size that is not a number of 512-byte blocks, a volume group, address
 * or interface that is no valid AIX name, resource controls that break chapter 8's rules, and a checkpointable spec
 * with a local file system, which mkwpar refuses with 0960-100 ("All writable file systems must be remote for
 * checkpointable workload partitions", RB:14615-14641).
 */
public final class TemplateRules {

    /** Template names: safe in a URL, a file name and a NIM resource name's suffix. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_FILESETS = 50;

    private static final Pattern HEADER = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):\\s*$");
    private static final Pattern ATTR = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");
    private static final Pattern COUNT = Pattern.compile("\\d{1,12}|unlimited|");
    /** ResourceControls' argument names → the resources stanza's attributes (Table 8-1). */
    private static final Map<String, String> CONTROL_KEYS = Map.of("sharesCpu", "shares_CPU", "cpu", "CPU",
            "CPU", "CPU", "sharesMemory", "shares_memory", "memory", "memory", "procVirtMem", "procVirtMem",
            "totalProcesses", "totalProcesses", "totalThreads", "totalThreads");

    private TemplateRules() {
    }

    public static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTemplateException("name", null, "template name " + shown(name)
                    + " must be a letter or digit followed by at most 39 letters, digits, '_', '.' or '-'");
        }
        return name;
    }

    /** The description, empty when not given. */
    public static String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidTemplateException("description", null,
                    "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            throw new InvalidTemplateException("description", null, "description must not contain control characters");
        }
        return description.strip();
    }

    /** The filesets, each a valid installp fileset name, duplicates dropped, in the given order. */
    public static List<String> requiredFilesets(List<String> filesets) {
        if (filesets == null) {
            return List.of();
        }
        if (filesets.size() > MAX_FILESETS) {
            throw new InvalidTemplateException("requiredFilesets", null,
                    "requiredFilesets lists more than " + MAX_FILESETS + " filesets");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : filesets) {
            try {
                out.add(FilesetName.of(f).value());
            } catch (InvalidArgumentException e) {
                throw new InvalidTemplateException("requiredFilesets", null, "requiredFilesets: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** Parses and checks the spec; refusals name the field {@code spec} and, where known, the line. */
    public static WparSpec spec(String text) {
        WparSpec spec;
        try {
            spec = WparSpec.parse(text);
        } catch (InvalidArgumentException e) {
            throw refusal(lineOf(e, text), e.getMessage());
        }
        List<Attr> attrs = attributes(text);
        for (Attr a : attrs) {
            check(a);
        }
        try {
            spec.resourceControls();
        } catch (InvalidArgumentException e) {
            String key = CONTROL_KEYS.getOrDefault(e.argument(), e.argument());
            Integer line = attrs.stream().filter(a -> a.stanza().equals("resources") && a.key().equals(key))
                    .map(Attr::line).findFirst().orElse(null);
            throw refusal(line, "resources." + key + ": " + e.getMessage());
        }
        if (spec.checkpointable()) {
            for (Attr a : attrs) {
                if (a.stanza().equals("mount") && (a.key().equals("vg")
                        || a.key().equals("vfs") && (a.value().equals("jfs2") || a.value().equals("jfs")))) {
                    String dir = attrs.stream().filter(b -> b.stanza().equals("mount") && b.index() == a.index()
                            && b.key().equals("directory")).map(Attr::value).findFirst().orElse("?");
                    throw refusal(a.line(), "mount " + dir + " is a local file system (" + a.key() + " = \""
                            + a.value() + "\"): a checkpointable WPAR needs every writable file system on NFS "
                            + "(mkwpar 0960-100, Redbook 4.7.2)");
                }
            }
        }
        return spec;
    }

    private static void check(Attr a) {
        String where = a.stanza() + "." + a.key();
        try {
            switch (where) {
                case "mount.size" -> {
                    if (!a.value().matches("\\d{1,12}")) {
                        throw refusal(a.line(), where + " \"" + a.value()
                                + "\" must be a number of 512-byte blocks (mkwpar -M size=)");
                    }
                }
                case "mount.vg" -> VolumeGroupName.of(a.value());
                case "network.address" -> IpAddress.of(a.value());
                case "network.interface" -> InterfaceName.of(a.value());
                case "resources.shares_CPU", "resources.shares_memory", "resources.totalProcesses",
                        "resources.totalThreads" -> {
                    if (!COUNT.matcher(a.value()).matches()) {
                        throw refusal(a.line(), where + " \"" + a.value() + "\" must be a whole number");
                    }
                }
                default -> {
                }
            }
        } catch (InvalidArgumentException e) {
            throw refusal(a.line(), where + ": " + e.getMessage());
        }
    }

    private static InvalidTemplateException refusal(Integer line, String message) {
        return new InvalidTemplateException("spec", line, line == null ? "spec: " + message
                : "spec line " + line + ": " + message);
    }

    /** The line a parse refusal names ("line 3 is neither …"), or the line of the attribute it names. */
    private static Integer lineOf(InvalidArgumentException e, String text) {
        Matcher m = LINE.matcher(e.rule());
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        if (text != null && e.value() != null) {
            return attributes(text).stream().filter(a -> a.key().equals(e.value())).map(Attr::line)
                    .reduce((first, second) -> second).orElse(null);
        }
        return null;
    }

    /** One {@code key = value} line: its stanza, which occurrence of that stanza, and the line number. */
    record Attr(String stanza, int index, String key, String value, int line) {
    }

    /** The attributes with their lines, read the way {@link WparSpec#parse} reads them (values unquoted). */
    static List<Attr> attributes(String text) {
        List<Attr> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String stanza = "";
        int index = -1;
        Map<String, Integer> seen = new HashMap<>();
        boolean open = false;
        int lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            if (open) {
                open = raw.indexOf('"') < 0;
                continue;
            }
            String t = raw.strip();
            Matcher h = HEADER.matcher(t);
            if (h.matches()) {
                stanza = h.group(1);
                index = seen.merge(stanza, 1, Integer::sum) - 1;
                continue;
            }
            Matcher a = ATTR.matcher(raw);
            if (t.startsWith("#") || t.startsWith("*") || !a.matches()) {
                continue;
            }
            String v = a.group(2);
            if (v.startsWith("\"")) {
                int end = v.indexOf('"', 1);
                open = end < 0;
                v = open ? v.substring(1) : v.substring(1, end);
            }
            out.add(new Attr(stanza, index, a.group(1), v, lineNo));
        }
        return out;
    }

    private static String shown(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return "\"" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }
}
