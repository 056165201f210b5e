package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * lswpar: default table, -L, -R, -N, -M, -c/-d delimited with -a fields, -q, -s, -t. The table,
 * -L, -R and -N layouts follow Redbook chapters 4, 7 and 8; -c (also with -R), -a, -q, -s, -t, -M follow IBM's
 * lswpar reference (the Redbook is silent on them, digest 0.1). lswpar takes no lock.
 */
public final class LswparCommand implements CommandHandler {
    static final String USAGE = "lswpar [-c | -d delim] [-a fieldname[,...]] [-L | -R | -N | -M | -D] [-q] [-s state] [-t type] [wparname ...]";

    /** -c fields, in the default order (IBM field names). */
    static final Map<String, Function<Wpar, String>> GENERAL = new LinkedHashMap<>();
    static final Map<String, Function<Wpar, String>> NETWORK = new LinkedHashMap<>();

    static {
        GENERAL.put("name", w -> w.name);
        GENERAL.put("state", w -> String.valueOf(w.state().letter()));
        GENERAL.put("type", w -> String.valueOf(w.type.letter()));
        GENERAL.put("hostname", w -> w.hostname);
        GENERAL.put("directory", w -> w.directory);
        GENERAL.put("key", w -> String.valueOf(w.key));
        GENERAL.put("owner", w -> w.owner);
        GENERAL.put("script", w -> w.script);
        GENERAL.put("application", w -> w.application);
        GENERAL.put("autostart", w -> yn(w.autostart));
        GENERAL.put("checkpointable", w -> yn(w.checkpointable));
        GENERAL.put("privateusr", w -> yn(w.privateUsr));
        GENERAL.put("routing", w -> yn(w.routing));
        NETWORK.put("name", w -> w.name);
        NETWORK.put("interface", w -> nz(w.netInterface));
        NETWORK.put("address", w -> nz(w.address));
        NETWORK.put("netmask", w -> nz(w.netmask));
        NETWORK.put("broadcast", w -> nz(w.broadcast));
    }

    static final List<String> MOUNT_FIELDS = List.of("name", "mountpoint", "device", "vfs", "nodename", "options");

    static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public int run(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "cd:a:qs:t:LRNMDGv");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, USAGE);
        }
        boolean delimited = g.has('c') || g.has('d');
        String delim = g.has('d') ? g.get('d') : ":";
        List<Wpar> selected = new ArrayList<>();
        int rc = 0;
        SimulatedHost host = inv.host;
        List<Wpar> snapshot = host.locked(() -> host.wparList().stream().map(Wpar::copy).toList());
        if (g.operands().isEmpty()) {
            selected.addAll(snapshot);
        } else {
            for (String n : g.operands()) {
                Wpar w = snapshot.stream().filter(x -> x.name.equals(n)).findFirst().orElse(null);
                if (w == null) {
                    inv.err("lswpar: 0960-419 Could not find a workload partition called " + n + ".");
                    rc = 1;
                } else {
                    selected.add(w);
                }
            }
        }
        if (g.has('s')) {
            String s = g.get('s');
            List<WparState> states = new ArrayList<>();
            try {
                if (s.length() > 1 && s.chars().allMatch(Character::isUpperCase)) {
                    for (char c : s.toCharArray()) {
                        states.add(WparState.parse(String.valueOf(c)));
                    }
                } else {
                    states.add(WparState.parse(s));
                }
            } catch (IllegalArgumentException e) {
                inv.err("lswpar: 0960-434 Invalid state: " + s + ".");
                return 2;
            }
            selected.removeIf(w -> !states.contains(w.state()));
        }
        if (g.has('t')) {
            String t = g.get('t').toUpperCase();
            selected.removeIf(w -> t.indexOf(w.type.letter()) < 0);
        }
        boolean header = !g.has('q');
        if (g.has('L')) {
            selected.forEach(w -> longFormat(inv, w));
        } else if (g.has('R') && delimited) {
            resourcesDelimited(inv, selected, delim, header);
        } else if (g.has('R')) {
            selected.forEach(w -> resources(inv, w));
        } else if (g.has('N')) {
            fields(inv, selected, NETWORK, g, delimited, delim, header, new String[] {"Name", "Interface", "Address(6)", "Mask/Prefix", "Broadcast"});
        } else if (g.has('M')) {
            mounts(inv, selected, delimited, delim, header, g);
        } else if (g.has('D')) {
            devices(inv, selected, header);
        } else if (delimited || g.has('a')) {
            fields(inv, selected, GENERAL, g, delimited, delim, header, null);
        } else if (!selected.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Wpar w : selected) {
                rows.add(List.of(w.name, String.valueOf(w.state().letter()), String.valueOf(w.type.letter()), w.hostname,
                        w.type == Wpar.Type.APPLICATION ? "/" : w.directory));
            }
            Tables.render(List.of("Name", "State", "Type", "Hostname", "Directory"), rows, new int[] {0, 7, 6, 10, 0}, header)
                    .forEach(inv::out);
        }
        return rc;
    }

    private void fields(Invocation inv, List<Wpar> ws, Map<String, Function<Wpar, String>> catalogue, Getopt g,
                        boolean delimited, String delim, boolean header, String[] tableHeaders) {
        List<String> names = new ArrayList<>(catalogue.keySet());
        List<String> shown = names;
        if (g.has('a')) {
            names = new ArrayList<>();
            shown = new ArrayList<>();
            for (String a : g.all('a')) {
                for (String f : a.split(",")) {
                    String key = "auto".equals(f) ? "autostart" : f.trim();
                    if (!catalogue.containsKey(key)) {
                        inv.err("lswpar: 0960-433 Invalid field name: " + f + ".");
                        return;
                    }
                    names.add(key);
                    shown.add(f.trim()); // the header names the field as asked (IBM's field name is "auto")
                }
            }
        }
        if (delimited) {
            if (header) {
                inv.out("#" + String.join(delim, shown));
            }
            for (Wpar w : ws) {
                List<String> vals = new ArrayList<>();
                for (String n : names) {
                    vals.add(catalogue.get(n).apply(w).replace(delim, "\\" + delim));
                }
                inv.out(String.join(delim, vals));
            }
            return;
        }
        if (ws.isEmpty()) {
            return;
        }
        List<String> heads = new ArrayList<>();
        for (String n : names) {
            heads.add(tableHeaders != null && !g.has('a') ? tableHeaders[heads.size()] : capital(n));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Wpar w : ws) {
            List<String> r = new ArrayList<>();
            for (String n : names) {
                r.add(catalogue.get(n).apply(w));
            }
            rows.add(r);
        }
        Tables.render(heads, rows, null, header).forEach(inv::out);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * {@code lswpar -D}: the devices exported to each WPAR (IBM's lswpar reference: Name, Device Name, Type, Virtual
     * Device, RootVG, Status): the pseudo devices every system WPAR gets, then those the fleet file exports to it.
     */
    private void devices(Invocation inv, List<Wpar> ws, boolean header) {
        String row = "%-10s %-16s %-8s %-15s %-7s %s";
        if (header) {
            inv.out(String.format(row, "Name", "Device Name", "Type", "Virtual Device", "RootVG", "Status"));
            inv.out("-".repeat(72));
        }
        for (Wpar w : ws) {
            if (w.type != Wpar.Type.SYSTEM) {
                continue;
            }
            for (String d : Wpar.PSEUDO_DEVICES) {
                inv.out(String.format(row, w.name, d, "pseudo", "", "", "EXPORTED"));
            }
            w.exportedDevices.forEach((d, type) -> inv.out(String.format(row, w.name, d, type, "", "no", "EXPORTED")));
        }
    }

    private void mounts(Invocation inv, List<Wpar> ws, boolean delimited, String delim, boolean header, Getopt g) {
        List<List<String>> rows = new ArrayList<>();
        for (Wpar w : ws) {
            for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
                rows.add(Arrays.asList(w.name, fs.globalPath(w.directory), nz(fs.deviceName()), fs.vfs(),
                        nz(fs.nfsHost()), "jfs2".equals(fs.vfs()) ? "" : nz(fs.options())));
            }
        }
        if (delimited) {
            if (header) {
                inv.out("#" + String.join(delim, MOUNT_FIELDS));
            }
            rows.forEach(r -> inv.out(String.join(delim, r)));
            return;
        }
        if (!rows.isEmpty()) {
            Tables.render(List.of("Name", "MountPoint", "Device", "Vfs", "Nodename", "Options"), rows, null, header)
                    .forEach(inv::out);
        }
    }

    static void banner(Invocation inv, Wpar w) {
        inv.out("=".repeat(65));
        inv.out(w.name + " - " + w.state().word());
        inv.out("=".repeat(65));
    }

    private void longFormat(Invocation inv, Wpar w) {
        banner(inv, w);
        inv.out("GENERAL");
        inv.out(pad("Type:", 25) + w.type.letter());
        inv.out(pad("Owner:", 25) + w.owner);
        inv.out(pad("Hostname:", 25) + w.hostname);
        inv.out(pad("WPAR-Specific Routing:", 25) + yn(w.routing));
        inv.out(pad("Directory:", 25) + w.directory);
        inv.out(pad("Start/Stop Script:", 25) + w.script);
        inv.out(pad("Auto:", 25) + yn(w.autostart));
        inv.out(pad("Private /usr:", 25) + yn(w.privateUsr));
        inv.out(pad("Checkpointable:", 25) + yn(w.checkpointable));
        inv.out(pad("Application:", 25) + w.application);
        // lines a later AIX level adds to GENERAL (fleet option lswpar-extra-fields), so parsers meet them in tests
        inv.host.lswparExtraFields.forEach((k, v) -> inv.out(pad(k + ":", 25) + v));
        inv.out("");
        inv.out("NETWORK");
        inv.out("Interface     Address(6)        Mask/Prefix       Broadcast");
        inv.out("-".repeat(65));
        if (w.address != null) {
            inv.out(pad(nz(w.netInterface), 14) + pad(w.address, 18) + pad(nz(w.netmask), 18) + nz(w.broadcast));
        }
        inv.out("");
        inv.out("USER-SPECIFIED ROUTES");
        inv.out("Type    Destination          Gateway           Interface");
        inv.out("-".repeat(65));
        inv.out("");
        inv.out("FILE SYSTEMS");
        inv.out("MountPoint               Device           Vfs     Nodename   Options");
        inv.out("-".repeat(65));
        for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
            inv.out((pad(fs.globalPath(w.directory), 25) + pad(nz(fs.deviceName()), 17) + pad(fs.vfs(), 8)
                    + pad(nz(fs.nfsHost()), 11) + ("jfs2".equals(fs.vfs()) ? "" : nz(fs.options()))).stripTrailing());
        }
        inv.out("");
        inv.out("RESOURCE CONTROLS");
        resourceLines(inv, w);
        inv.out("");
    }

    private void resources(Invocation inv, Wpar w) {
        banner(inv, w);
        resourceLines(inv, w);
    }

    /** The labels of Redbook Examples 8-1 to 8-5, in {@link ResourceControls#ATTRIBUTES} order. */
    static final List<String> RESOURCE_LABELS = List.of("Active:", "RSet:", "CPU Shares:", "CPU Limits:",
            "Memory Shares:", "Memory Limits:", "Per-Process Virtual Memory Limit:", "Total Processes:",
            "Total Threads:");

    /** Redbook Examples 8-1 to 8-5: label padded to 35 columns, the value (none after an empty RSet). */
    private static void resourceLines(Invocation inv, Wpar w) {
        List<String> values = w.resources.shown();
        for (int i = 0; i < RESOURCE_LABELS.size(); i++) {
            String v = values.get(i);
            inv.out(v.isEmpty() ? RESOURCE_LABELS.get(i) : pad(RESOURCE_LABELS.get(i), 35) + v);
        }
    }

    /**
     * {@code lswpar -c -R}: IBM's lswpar reference lists -R among the delimited formats but the book shows none; the
     * fields are Table 8-1's attribute names (the simulator's choice), the values as the paragraph format shows them.
     */
    private static void resourcesDelimited(Invocation inv, List<Wpar> ws, String delim, boolean header) {
        if (header) {
            inv.out("#name" + delim + String.join(delim, ResourceControls.ATTRIBUTES));
        }
        for (Wpar w : ws) {
            List<String> vals = new ArrayList<>();
            vals.add(w.name);
            vals.addAll(w.resources.shown());
            inv.out(String.join(delim, vals.stream().map(v -> v.replace(delim, "\\" + delim)).toList()));
        }
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }
}
