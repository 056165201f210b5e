package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HMC commands for managed-system and LPAR discovery. Both seeds are silent on HMC commands (digest §0.1); the
 * forms follow IBM's HMC manual pages: {@code lssyscfg -r {sys|lpar} [-m SYSTEM] [--filter "FILTER"] [-F
 * attribute-names]} prints one line per object with the requested attributes separated by commas, a value that
 * contains a comma enclosed in double quotes; {@code lshmc -V} prints the version.
 */
public final class Hmc {

    /** The attributes wparflow asks for, in this order. */
    public static final List<String> SYS_FIELDS = List.of("name", "state", "type_model", "serial_num");
    public static final List<String> LPAR_FIELDS = List.of("name", "lpar_id", "state", "lpar_env", "os_version");

    private static final Pattern VERSION = Pattern.compile("Version:\\s*(\\S+)");
    private static final Pattern RELEASE = Pattern.compile("Release:\\s*(\\S+)");
    private static final Pattern SP = Pattern.compile("Service Pack:\\s*(\\S+)");
    private static final Pattern BUILD = Pattern.compile("HMC Build level\\s+(\\S+)");
    private static final Pattern BASE = Pattern.compile("base_version=(\\S+?)\\s*\"?\\s*$", Pattern.MULTILINE);

    private Hmc() {
    }

    /** A managed system: state such as {@code Operating}, {@code Standby}, {@code Power Off}, {@code No Connection}. */
    public record ManagedSystem(String name, String state, String typeModel, String serialNumber) {
        /** The {@code tttt-mmm*ssssssss} form that is unique even when user-defined names repeat. */
        public String mtms() {
            return typeModel + "*" + serialNumber;
        }
    }

    /** A partition: state such as {@code Running}, {@code Not Activated}; env {@code aixlinux}, {@code vioserver}... */
    public record Lpar(String name, int lparId, String state, String environment, String osVersion) {
    }

    /** {@code lshmc -V}. */
    public record HmcVersion(String version, String release, String servicePack, String buildLevel,
            String baseVersion) {
    }

    public static AixCommand listSystems() {
        return AixCommand.of("lssyscfg").option("-r", "sys").option("-F", String.join(",", SYS_FIELDS)).build();
    }

    /** {@code lssyscfg -r lpar -m SYSTEM [--filter "lpar_names=a,b"] -F name,lpar_id,state,lpar_env,os_version}. */
    public static AixCommand listLpars(ManagedSystemName system, List<LparName> onlyThese) {
        AixCommand.Builder b = AixCommand.of("lssyscfg").option("-r", "lpar").flag("-m", system);
        if (onlyThese != null && !onlyThese.isEmpty()) {
            StringJoiner j = new StringJoiner(",");
            onlyThese.forEach(n -> j.add(n.value()));
            // several values: the filter data is itself double-quoted (HMC lssyscfg man page, --filter)
            String data = onlyThese.size() == 1 ? "lpar_names=" + j : "\"lpar_names=" + j + "\"";
            b.optionQuoted("--filter", data);
        }
        return b.option("-F", String.join(",", LPAR_FIELDS)).build();
    }

    public static AixCommand version() {
        return AixCommand.of("lshmc").flag("-V").build();
    }

    /** Splits one {@code -F} line: commas separate, a double-quoted value may hold commas, {@code ""} is a quote. */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<Map<String, String>> parseF(String out, List<String> fields) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String l = lines.get(n);
            if (l.isBlank()) {
                continue;
            }
            if (l.startsWith("No results were found")) {
                break;
            }
            List<String> v = splitCsv(l);
            if (v.size() != fields.size()) {
                // -F prints exactly the attributes asked for, in order: a different count cannot be placed
                throw UnexpectedOutputException.unknownFormat("lssyscfg -F " + String.join(",", fields), n + 1, l,
                        "expected " + fields.size() + " comma-separated fields, got " + v.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                m.put(fields.get(i), v.get(i));
            }
            rows.add(m);
        }
        return rows;
    }

    public static List<ManagedSystem> parseSystems(String out) {
        List<ManagedSystem> list = new ArrayList<>();
        for (Map<String, String> m : parseF(out, SYS_FIELDS)) {
            list.add(new ManagedSystem(m.get("name"), m.get("state"), m.get("type_model"), m.get("serial_num")));
        }
        return list;
    }

    public static List<Lpar> parseLpars(String out) {
        List<Lpar> list = new ArrayList<>();
        for (Map<String, String> m : parseF(out, LPAR_FIELDS)) {
            int id;
            try {
                id = Integer.parseInt(m.get("lpar_id"));
            } catch (NumberFormatException e) {
                throw UnexpectedOutputException.unknownFormat("lssyscfg -r lpar", out,
                        "lpar_id '" + m.get("lpar_id") + "' is not a number");
            }
            list.add(new Lpar(m.get("name"), id, m.get("state"), m.get("lpar_env"), m.get("os_version")));
        }
        return list;
    }

    public static HmcVersion parseVersion(String out) {
        Matcher v = VERSION.matcher(out);
        Matcher r = RELEASE.matcher(out);
        if (!v.find() || !r.find()) {
            throw UnexpectedOutputException.unknownFormat("lshmc -V", out, "no 'Version:' or 'Release:'");
        }
        Matcher sp = SP.matcher(out);
        Matcher b = BUILD.matcher(out);
        Matcher base = BASE.matcher(out);
        return new HmcVersion(v.group(1), r.group(1), sp.find() ? sp.group(1) : null, b.find() ? b.group(1) : null,
                base.find() ? base.group(1) : null);
    }
}
