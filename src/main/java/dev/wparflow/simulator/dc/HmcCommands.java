package dev.wparflow.simulator.dc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.wparflow.simulator.command.Getopt;
import dev.wparflow.simulator.command.Invocation;
import dev.wparflow.simulator.model.SimulatedHost;

/**
 * The HMC's restricted shell (user {@code hscroot}): {@code lshmc -V}, {@code lssyscfg -r sys|lpar [-m SYSTEM]
 * [--filter "..."] [-F a,b,...]} and {@code chsysstate -r sys -m SYSTEM -o on|onstandby|off}. The Redbook has no
 * HMC command (digest 0.1); forms and output follow IBM's HMC command reference (lssyscfg: one line per object,
 * attributes separated by commas, a value holding a comma in double quotes; without -F {@code attr=value} pairs;
 * nothing found: {@code No results were found.}). Message texts for an unknown system are the simulator's choice.
 */
public final class HmcCommands {
    /** What an HMC answers; anything else gets the restricted shell's "command not found". */
    public static final Set<String> HMC_COMMANDS = Set.of("lshmc", "lssyscfg", "chsysstate", "echo", "date", "true",
            "false");

    private HmcCommands() {
    }

    public static int lshmc(Invocation inv) {
        if (!inv.host.hmc) {
            return notFound(inv);
        }
        if (!inv.args().contains("-V") && !inv.args().contains("-v")) {
            inv.err("Usage: lshmc -V");
            return 1;
        }
        String v = inv.host.hmcVersion; // "V7R3.3.0"
        String version = v.replaceAll("^V(\\d+)R.*$", "$1");
        String release = v.replaceAll("^V\\d+R(\\d+(?:\\.\\d+)*).*$", "$1");
        inv.out("\"version= Version: " + version);
        inv.out(" Release: " + release);
        inv.out(" Service Pack: 0");
        inv.out("HMC Build level 20080523.1");
        inv.out("\",\"base_version=" + v);
        inv.out("\"");
        return 0;
    }

    private static int notFound(Invocation inv) {
        inv.err("ksh: " + inv.argv.get(0) + ":  not found.");
        return 127;
    }

    public static int lssyscfg(Invocation inv) {
        if (!inv.host.hmc) {
            return notFound(inv);
        }
        DataCentre dc = inv.services.dataCentre();
        List<String> args = new ArrayList<>(inv.args());
        String filter = null;
        int fi = args.indexOf("--filter");
        if (fi >= 0) {
            if (fi + 1 >= args.size()) {
                inv.err("An invalid parameter was entered for --filter.");
                return 1;
            }
            filter = args.get(fi + 1);
            args.remove(fi + 1);
            args.remove(fi);
        }
        Getopt g;
        try {
            g = new Getopt(args, "r:m:F:");
        } catch (Getopt.BadFlag bad) {
            inv.err("An invalid parameter was entered: " + bad.getMessage());
            return 1;
        }
        String res = g.has('r') ? g.get('r') : null;
        String hmcName = inv.host.name;
        List<Map<String, String>> rows = new ArrayList<>();
        if ("sys".equals(res)) {
            for (ManagedSystem ms : dc.systems().values()) {
                if (ms.hmcs.contains(hmcName) && (!g.has('m') || g.get('m').equals(ms.name))) {
                    Map<String, String> r = new LinkedHashMap<>();
                    r.put("name", ms.name);
                    r.put("type_model", ms.typeModel);
                    r.put("serial_num", ms.serial);
                    r.put("state", ms.state);
                    rows.add(r);
                }
            }
        } else if ("lpar".equals(res)) {
            if (!g.has('m')) {
                inv.err("The -m parameter is required for the lpar resource type.");
                return 1;
            }
            ManagedSystem ms = dc.system(g.get('m')).filter(s -> s.hmcs.contains(hmcName)).orElse(null);
            if (ms == null) {
                // simulator's text (IBM's HSCL message id not verified)
                inv.err("The managed system " + g.get('m') + " was not found.");
                return 1;
            }
            List<String> names = null;
            if (filter != null) {
                String f = filter.replace("\"", "");
                if (!f.startsWith("lpar_names=") && !f.startsWith("lpar_ids=")) {
                    inv.err("An invalid filter was entered: " + filter);
                    return 1;
                }
                names = List.of(f.substring(f.indexOf('=') + 1).split(","));
            }
            for (SimulatedHost h : dc.lpars()) {
                if (!ms.name.equals(h.managedSystem)) {
                    continue;
                }
                if (names != null && !names.contains(h.name) && !names.contains(String.valueOf(h.lparId))) {
                    continue;
                }
                boolean running = dc.isUp(h.name) && "Operating".equals(ms.state);
                Map<String, String> r = new LinkedHashMap<>();
                r.put("name", h.name);
                r.put("lpar_id", String.valueOf(h.lparId));
                r.put("lpar_env", "aixlinux");
                r.put("state", running ? "Running" : "Not Activated");
                r.put("os_version", running ? "AIX " + aixVersion(h.oslevel) + " " + h.oslevel : "Unknown");
                r.put("curr_profile", "normal");
                rows.add(r);
            }
        } else {
            inv.err("An invalid parameter was entered for -r: " + res);
            return 1;
        }
        if (rows.isEmpty()) {
            inv.out("No results were found.");
            return 0;
        }
        for (Map<String, String> r : rows) {
            List<String> vals = new ArrayList<>();
            if (g.has('F')) {
                for (String f : g.get('F').split(",")) {
                    vals.add(csv(r.getOrDefault(f, "null")));
                }
            } else {
                r.forEach((k, v) -> vals.add(csv(k + "=" + v)));
            }
            inv.out(String.join(",", vals));
        }
        return 0;
    }

    /** "6100-02-01-0847" gives "6.1". */
    static String aixVersion(String oslevel) {
        return oslevel.length() >= 2 ? oslevel.charAt(0) + "." + oslevel.charAt(1) : oslevel;
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** {@code chsysstate -r sys -m SYSTEM -o on|onstandby|off}: Operating, Standby, Power Off. */
    public static int chsysstate(Invocation inv) {
        if (!inv.host.hmc) {
            return notFound(inv);
        }
        Getopt g;
        try {
            g = new Getopt(inv.args(), "r:m:o:n:");
        } catch (Getopt.BadFlag bad) {
            inv.err("An invalid parameter was entered: " + bad.getMessage());
            return 1;
        }
        if (!"sys".equals(g.get('r')) || !g.has('m') || !g.has('o')) {
            inv.err("Usage: chsysstate -r sys -m managed-system -o {on | onstandby | off}");
            return 1;
        }
        ManagedSystem ms = inv.services.dataCentre().system(g.get('m'))
                .filter(s -> s.hmcs.contains(inv.host.name)).orElse(null);
        if (ms == null) {
            inv.err("The managed system " + g.get('m') + " was not found.");
            return 1;
        }
        switch (g.get('o')) {
            case "on" -> ms.state = "Operating";
            case "onstandby" -> ms.state = "Standby";
            case "off" -> ms.state = "Power Off";
            default -> {
                inv.err("An invalid parameter was entered for -o: " + g.get('o'));
                return 1;
            }
        }
        return 0;
    }
}
