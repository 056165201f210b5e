package dev.wparflow.simulator.dc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wparflow.simulator.FleetSpec;
import dev.wparflow.simulator.command.Invocation;
import dev.wparflow.simulator.command.ShellParser;
import dev.wparflow.simulator.dc.NimDatabase.NimObject;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Stanzas;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparImage;

/**
 * The NIM master (Redbook 7.3: machine type {@code wpar}, operations activate/chwpar/create/deactivate/destroy/
 * lswpar/syncwpar, states Defined/Created/Running, resources devexports/savewpar/secattrs/wpar_spec). The book gives
 * no command line and no lsnim output (digest 0.1); the forms follow IBM's NIM reference:
 * {@code nim -o define -t wpar -a mgmt_profile1="MANAGING WPAR" -a if1="find_net HOST 0" NAME},
 * {@code nim -o OP [-a res=NAME] [-a cmd_flags="..."] NAME}, {@code lsnim}, {@code lsnim -t TYPE},
 * {@code lsnim -l NAME}. Each WPAR operation runs the WPAR command on the managing LPAR's model (not over SSH, not in
 * that host's command log). NIM refuses a resource whose location its server lacks, a managing system below AIX 6.1
 * TL2 (RB:9626) and application WPARs (RB:9619). NIM message ids 0042-053 (no such object) is IBM's;
 * 0042-081/0042-006/0042-154 and the 0042-001 texts here are the simulator's choice (docs/simulator.md).
 */
public final class NimCommands {
    private NimCommands() {
    }

    /** master, a network, one standalone machine per client LPAR, the resources of the fleet file. */
    public static NimDatabase initialDatabase(FleetSpec spec, FleetSpec.HostSpec master) {
        NimDatabase db = new NimDatabase();
        NimObject m = new NimObject("master", "machines", "master");
        m.attributes.put("class", "machines");
        m.attributes.put("type", "master");
        m.attributes.put("platform", "chrp");
        m.attributes.put("if1", "net1 " + master.hostname + " 0");
        m.attributes.put("Cstate", "ready for a NIM operation");
        m.attributes.put("Mstate", "currently running");
        db.put(m);
        NimObject net = new NimObject("net1", "networks", "ent");
        net.attributes.put("class", "networks");
        net.attributes.put("type", "ent");
        net.attributes.put("net_addr", master.ip.substring(0, master.ip.lastIndexOf('.') + 1) + "0");
        net.attributes.put("snm", master.netmask);
        net.attributes.put("Nstate", "ready for use");
        db.put(net);
        for (String c : master.nimClients) {
            NimObject s = new NimObject(c, "machines", "standalone");
            s.attributes.put("class", "machines");
            s.attributes.put("type", "standalone");
            s.attributes.put("connect", "nimsh");
            s.attributes.put("platform", "chrp");
            s.attributes.put("if1", "net1 " + c + " 0");
            s.attributes.put("Cstate", "ready for a NIM operation");
            s.attributes.put("Mstate", "currently running");
            db.put(s);
        }
        for (FleetSpec.NimResourceSpec r : master.nimResources) {
            NimObject o = new NimObject(r.name, "resources", r.type);
            o.attributes.put("class", "resources");
            o.attributes.put("type", r.type);
            o.attributes.put("Rstate", "ready for use");
            o.attributes.put("location", r.location);
            o.attributes.put("server", "master");
            db.put(o);
        }
        return db;
    }

    private static int notFound(Invocation inv) {
        inv.err("ksh: " + inv.argv.get(0) + ":  not found.");
        return 127;
    }

    /** The 7.3.3 state of a wpar machine, read from its managing LPAR: Defined, Created or Running. */
    public static String wparState(DataCentre dc, NimObject o) {
        SimulatedHost ms = dc.lpar(o.managingSystem()).orElse(null);
        if (ms == null) {
            return "Defined";
        }
        Wpar w = ms.locked(() -> ms.wpar(o.wparName()).map(Wpar::copy).orElse(null));
        if (w == null) {
            return "Defined";
        }
        return switch (w.state()) {
            case ACTIVE -> "Running";
            default -> "Created";
        };
    }

    private static Map<String, String> attrs(Invocation inv, List<String> words) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : words) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                m.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        return m;
    }

    public static int lsnim(Invocation inv) {
        NimDatabase db = inv.host.nim;
        if (db == null) {
            return notFound(inv);
        }
        List<String> a = inv.args();
        DataCentre dc = inv.services.dataCentre();
        if (a.isEmpty() || (a.size() == 2 && a.get(0).equals("-t")) || (a.size() == 2 && a.get(0).equals("-c"))) {
            for (NimObject o : db.snapshot()) {
                if (a.size() == 2 && a.get(0).equals("-t") && !o.type.equals(a.get(1))) {
                    continue;
                }
                if (a.size() == 2 && a.get(0).equals("-c") && !o.objectClass.equals(a.get(1))) {
                    continue;
                }
                inv.out(String.format("%-19s %-15s %s", o.name, o.objectClass, o.type));
            }
            return 0;
        }
        if (a.get(0).equals("-l")) {
            List<String> names = a.subList(1, a.size());
            int rc = 0;
            for (String n : names.isEmpty() ? db.snapshot().stream().map(o -> o.name).toList() : names) {
                NimObject o = db.get(n).map(NimObject::copy).orElse(null);
                if (o == null) {
                    inv.err("0042-053 lsnim: there is no NIM object named \"" + n + "\"");
                    rc = 1;
                    continue;
                }
                inv.out(o.name + ":");
                Map<String, String> shown = new LinkedHashMap<>(o.attributes);
                if (o.type.equals("wpar")) {
                    String st = wparState(dc, o);
                    shown.put("Cstate", "ready for a NIM operation");
                    shown.put("Mstate", st.equals("Running") ? "currently running" : "not running");
                    shown.put("wpar_state", st);
                }
                shown.forEach((k, v) -> inv.out(String.format("   %-14s = %s", k, v)));
            }
            return rc;
        }
        inv.err("Usage: lsnim [-l] [-t type] [-c class] [name ...]");
        return 2;
    }

    public static int nim(Invocation inv) throws InterruptedException {
        NimDatabase db = inv.host.nim;
        if (db == null) {
            return notFound(inv);
        }
        String op = null;
        String type = null;
        List<String> attrWords = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        List<String> a = inv.args();
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "-o" -> op = i + 1 < a.size() ? a.get(++i) : null;
                case "-t" -> type = i + 1 < a.size() ? a.get(++i) : null;
                case "-a" -> {
                    if (i + 1 < a.size()) {
                        attrWords.add(a.get(++i));
                    }
                }
                default -> operands.add(a.get(i));
            }
        }
        if (op == null || operands.size() != 1) {
            inv.err("Usage: nim -o operation [-t type] [-a attr=value] ... object");
            return 2;
        }
        String name = operands.get(0);
        Map<String, String> at = attrs(inv, attrWords);
        DataCentre dc = inv.services.dataCentre();
        if (op.equals("define")) {
            if (db.get(name).isPresent()) {
                inv.err("0042-081 nim: \"" + name + "\" is already being used as a NIM object name");
                return 1;
            }
            if ("wpar".equals(type)) {
                String profile = at.get("mgmt_profile1");
                String[] p = profile == null ? new String[0] : profile.trim().split("\\s+");
                if (p.length < 1 || p[0].isEmpty() || db.get(p[0]).filter(o -> o.type.equals("standalone")).isEmpty()) {
                    inv.err("0042-001 nim: processing error encountered on \"master\":");
                    inv.err("   the managing system \"" + (p.length > 0 ? p[0] : "") + "\" of mgmt_profile1 is not a standalone NIM machine");
                    return 1;
                }
                String wparName = p.length > 1 ? p[1] : name;
                String refusal = unsupported(dc, p[0], wparName);
                if (refusal != null) {
                    return masterError(inv, refusal);
                }
                NimObject o = new NimObject(name, "machines", "wpar");
                o.attributes.put("class", "machines");
                o.attributes.put("type", "wpar");
                o.attributes.put("connect", "shell");
                o.attributes.put("platform", "chrp");
                String if1 = at.getOrDefault("if1", "find_net " + name + " 0");
                if (if1.startsWith("find_net ")) {
                    if1 = db.firstNetwork() + if1.substring("find_net".length());
                }
                o.attributes.put("if1", if1);
                o.attributes.put("mgmt_profile1", p[0] + " " + wparName);
                db.put(o);
                return 0;
            }
            if (type != null && NimDatabase.RESOURCE_TYPES.contains(type)) {
                String location = at.get("location");
                String server = at.getOrDefault("server", "master");
                SimulatedHost serverHost = server.equals("master") ? inv.host : dc.lpar(server).orElse(null);
                if (location == null || location.isBlank()) {
                    return masterError(inv, "the \"location\" attribute is required to define a " + type + " resource");
                }
                if (serverHost == null || db.get(server).isEmpty()) {
                    inv.err("0042-053 nim: there is no NIM object named \"" + server + "\"");
                    return 1;
                }
                if (!serverHost.files.exists(location)) {
                    // NIM checks the location on its server when it defines the resource (c_stat)
                    return masterError(inv, "0042-154 c_stat: the file or directory \"" + location + "\" does not exist");
                }
                NimObject o = new NimObject(name, "resources", type);
                o.attributes.put("class", "resources");
                o.attributes.put("type", type);
                o.attributes.put("Rstate", "ready for use");
                o.attributes.put("location", location);
                o.attributes.put("server", server);
                db.put(o);
                return 0;
            }
            inv.err("0042-001 nim: processing error encountered on \"master\":");
            inv.err("   type \"" + type + "\" cannot be defined by the simulator");
            return 1;
        }
        NimObject o = db.get(name).map(NimObject::copy).orElse(null);
        if (o == null) {
            inv.err("0042-053 nim: there is no NIM object named \"" + name + "\"");
            return 1;
        }
        if (op.equals("remove")) {
            db.remove(name);
            return 0;
        }
        if (!o.type.equals("wpar")) {
            inv.err("0042-001 nim: processing error encountered on \"master\":");
            inv.err("   the \"" + op + "\" operation is not supported for objects of type \"" + o.type + "\"");
            return 1;
        }
        SimulatedHost ms = dc.lpar(o.managingSystem()).orElse(null);
        if (ms == null || !dc.isUp(ms.name)) {
            inv.err("0042-006 nim: (To: " + o.managingSystem() + ") rcmd connection refused");
            return 1;
        }
        String wpar = o.wparName();
        String refusal = unsupported(dc, ms.name, wpar);
        if (refusal != null) {
            return masterError(inv, refusal);
        }
        String host = o.attributes.getOrDefault("if1", "").split("\\s+").length > 1
                ? o.attributes.get("if1").split("\\s+")[1] : wpar;
        List<String> flags = at.containsKey("cmd_flags") ? ShellParser.parse(at.get("cmd_flags")).argv() : List.of();
        List<String> argv = new ArrayList<>();
        switch (op) {
            case "create" -> {
                String appRefusal = applicationResource(inv, db, at);
                if (appRefusal != null) {
                    return masterError(inv, appRefusal);
                }
                if (at.containsKey("savewpar")) {
                    String image = copyResource(inv, db, at.get("savewpar"), "savewpar", ms, "/tmp/nim_savewpar." + wpar);
                    if (image == null) {
                        return 1;
                    }
                    argv.addAll(List.of("restwpar", "-n", wpar, "-h", host, "-f", image));
                } else {
                    argv.addAll(List.of("mkwpar", "-n", wpar, "-h", host));
                    if (at.containsKey("wpar_spec")) {
                        String spec = copyResource(inv, db, at.get("wpar_spec"), "wpar_spec", ms, "/tmp/nim_wpar_spec." + wpar);
                        if (spec == null) {
                            return 1;
                        }
                        argv.addAll(List.of("-f", spec));
                    }
                }
                for (String r : List.of("devexports", "secattrs", "lpp_source", "spot")) {
                    if (at.containsKey(r) && db.get(at.get(r)).filter(x -> x.type.equals(r)).isEmpty()) {
                        inv.err("0042-053 nim: there is no NIM object named \"" + at.get(r) + "\"");
                        return 1;
                    }
                }
                argv.addAll(flags);
            }
            case "activate" -> argv.addAll(List.of("startwpar", wpar));
            case "deactivate" -> argv.addAll(List.of("stopwpar", wpar));
            case "destroy" -> argv.addAll(List.of("rmwpar", "-F", wpar));
            case "chwpar" -> {
                argv.add("chwpar");
                argv.addAll(flags);
                argv.add(wpar);
            }
            case "syncwpar" -> argv.addAll(List.of("syncwpar", wpar));
            case "lswpar" -> {
                argv.add("lswpar");
                argv.addAll(flags);
                argv.add(wpar);
            }
            default -> {
                inv.err("0042-001 nim: processing error encountered on \"master\":");
                inv.err("   \"" + op + "\" is not a valid operation for a wpar machine");
                return 2;
            }
        }
        if (op.equals("create") && ms.locked(() -> ms.hasWpar(wpar))) {
            inv.err("0042-001 nim: processing error encountered on \"master\":");
            inv.err("   workload partition " + wpar + " already exists on " + ms.name);
            return 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = inv.services.commands().execute(new Invocation(ms, "root", argv, out, err, inv.services, null));
        inv.outRaw(out.toString(StandardCharsets.UTF_8));
        if (err.size() > 0) {
            String e = err.toString(StandardCharsets.UTF_8);
            if (rc != 0) {
                inv.err("0042-001 nim: processing error encountered on \"" + o.managingSystem() + "\":");
            }
            for (String l : e.split("\n")) {
                inv.err(l);
            }
        }
        return rc;
    }

    /** The master's processing-error banner (0042-001) and one line of reason; exit status 1. */
    private static int masterError(Invocation inv, String reason) {
        inv.err("0042-001 nim: processing error encountered on \"master\":");
        inv.err("   " + reason);
        return 1;
    }

    /** The phrase of RB:9619 that every NIM refusal of an application WPAR carries. */
    public static final String APPLICATION_WPARS = "application WPARs are not supported";

    /**
     * Why NIM cannot manage WPAR {@code wpar} on {@code managing}, or null: the managing system must be at AIX 6.1 TL2 or
     * later (RB:9626, its {@code oslevel} from the fleet file) and NIM manages system WPARs only (RB:9619).
     */
    static String unsupported(DataCentre dc, String managing, String wpar) {
        SimulatedHost ms = dc.lpar(managing).orElse(null);
        if (ms == null) {
            return null;
        }
        if (belowTl2(ms.oslevel)) {
            return "the managing system \"" + managing + "\" is at AIX " + ms.oslevel
                    + ": NIM manages WPARs on AIX 6.1 TL2 (6100-02) or later";
        }
        boolean application = ms.locked(() -> ms.wpar(wpar).map(w -> w.type == Wpar.Type.APPLICATION).orElse(false));
        if (application) {
            return APPLICATION_WPARS + ": " + wpar + " on " + managing + " is an application workload partition";
        }
        return null;
    }

    /** oslevel {@code 6100-01-…}, {@code 5300-…}: before 6.1 TL2, which brought NIM's WPAR support (RB:9626). */
    static boolean belowTl2(String oslevel) {
        if (oslevel == null || !oslevel.matches("\\d{4}-\\d{2}.*")) {
            return false;
        }
        int version = Integer.parseInt(oslevel.substring(0, 4));
        int tl = Integer.parseInt(oslevel.substring(5, 7));
        return version < 6100 || (version == 6100 && tl < 2);
    }

    /** A wpar_spec or savewpar resource that describes an application WPAR (its general stanza names an application). */
    private static String applicationResource(Invocation inv, NimDatabase db, Map<String, String> at) {
        for (String type : List.of("wpar_spec", "savewpar")) {
            NimObject r = at.containsKey(type) ? db.get(at.get(type)).filter(x -> x.type.equals(type)).orElse(null) : null;
            byte[] data = r == null ? null : inv.host.files.read(r.attributes.get("location"));
            if (data == null) {
                continue; // the copy reports a missing resource or file
            }
            String spec = new String(data, StandardCharsets.UTF_8);
            if (type.equals("savewpar")) {
                try {
                    spec = WparImage.parse(data).spec();
                } catch (WparImage.CorruptImageException | RuntimeException corrupt) {
                    continue; // restwpar reports it (0960-513)
                }
            }
            Stanzas.Stanza general = Stanzas.first(Stanzas.parse(spec), "general");
            String app = general == null ? null : general.get("application");
            if (app != null && !app.isBlank()) {
                return APPLICATION_WPARS + ": the " + type + " resource \"" + r.name + "\" defines an application"
                        + " workload partition (application = " + app + ")";
            }
        }
        return null;
    }

    /** Copies a NIM resource's file from the master to the managing LPAR; null after printing the refusal. */
    private static String copyResource(Invocation inv, NimDatabase db, String res, String type, SimulatedHost ms,
            String target) {
        NimObject r = db.get(res).orElse(null);
        if (r == null || !r.type.equals(type)) {
            inv.err("0042-053 nim: there is no NIM object named \"" + res + "\"");
            return null;
        }
        byte[] data = inv.host.files.read(r.attributes.get("location"));
        if (data == null) {
            inv.err("0042-001 nim: processing error encountered on \"master\":");
            inv.err("   Cannot open " + r.attributes.get("location") + ": No such file or directory");
            return null;
        }
        ms.files.write(target, data);
        return target;
    }
}
