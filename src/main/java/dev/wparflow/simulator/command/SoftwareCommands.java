package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.wparflow.simulator.model.InstalledEfix;
import dev.wparflow.simulator.model.MapFileSystem;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SoftwareSource;
import dev.wparflow.simulator.model.Wpar;

/**
 * Software levels of a global environment and of its WPARs: lslpp, oslevel, installp, install_all_updates, syncwpar,
 * syncroot, inuwpar, emgr.
 *
 * <p>The model: the global environment has one level per fileset (its usr and root parts). A shared system WPAR uses
 * the global /usr read-only, so its usr part is the global level, and keeps its own root part levels; a detached WPAR
 * (private /usr, mkwpar -l) keeps its own usr and root levels. installp in the global environment raises the global
 * levels only: the shared WPARs' root parts stay behind until syncwpar (or syncroot inside) installs them — the
 * inconsistency the Redbook warns about (4.3.2, RB:3416-3423). A detached WPAR gets software with inuwpar.
 *
 * <p>Outputs: the Redbook's Example 4-18 (installp apply summary, syncwpar/syncroot, lslpp -l lines; RB:3435-3637),
 * its syncroot lines (RB:2484-2492) and 0504-132 (RB:10108); IBM's command references (installp, install_all_updates,
 * lslpp, syncwpar, inuwpar, emgr) where the book is silent.
 */
public final class SoftwareCommands {
    private SoftwareCommands() {
    }

    private static final String RULE = "+" + "-".repeat(77) + "+";
    private static final String SUMMARY_RULE = "-".repeat(79);
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("bos.rte", "Base Operating System Runtime"),
            Map.entry("bos.rte.libc", "libc Library"),
            Map.entry("bos.rte.libpthreads", "pthreads Library"),
            Map.entry("bos.mp64", "Base Operating System 64-bit Multiprocessor Runtime"),
            Map.entry("bos.wpars", "AIX Workload Partitions"),
            Map.entry("bos.net.tcp.client", "TCP/IP Client Support"),
            Map.entry("bos.net.tcp.server", "TCP/IP Server"),
            Map.entry("bos.net.nfs.client", "Network File System Client"),
            Map.entry("bos.perf.libperfstat", "Performance Statistics Library Interface"),
            Map.entry("bos.perf.perfstat", "Performance Statistics Interface"),
            Map.entry("bos.perf.tools", "Base Performance Tools"),
            Map.entry("bos.sysmgt.nim.client", "Network Install Manager - Client Tools"),
            Map.entry("bos.sysmgt.serv_aid", "Software Error Logging and Dump Service Aids"),
            Map.entry("perfagent.tools", "Local Performance Analysis & Control Commands"),
            Map.entry("rsct.core.rmc", "RSCT Resource Monitoring and Control"),
            Map.entry("xlC.aix61.rte", "XL C/C++ Runtime for AIX 6.1"),
            Map.entry("xlC.rte", "XL C/C++ Runtime"),
            Map.entry("Java5.sdk", "Java SDK 32-bit"),
            Map.entry("mcr.rte", "Metacluster Checkpoint and Restart"),
            Map.entry("wparmgt.agent.rte", "Workload Partitions Manager Agent"),
            Map.entry("cas.agent", "Common Agent Services Agent"),
            Map.entry("tivoli.tivguid", "IBM Tivoli GUID on AIX"));

    static String description(String fileset) {
        return DESCRIPTIONS.getOrDefault(fileset, fileset);
    }

    /** Compares dotted numeric levels (6.1.2.10 after 6.1.2.9). */
    public static int compareLevels(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The WPAR a command runs in (clogin), the live object; null in the global environment. Caller holds the lock. */
    private static Wpar insideWpar(Invocation inv) {
        return inv.insideWpar == null ? null : inv.host.wpar(inv.insideWpar).orElse(null);
    }

    // ---------------------------------------------------------------- lslpp, oslevel

    /**
     * {@code lslpp -l [-q] [-O r|u] [FILESET…]}, {@code lslpp -L[c] [FILESET…]} (IBM reference: lslpp; the Redbook's
     * Example 4-18 shows the -l lines, RB:3530-3546, and 0504-132 for a fileset not installed, RB:10108). -l lists the
     * usr part under {@code Path: /usr/lib/objrepos} and the root part under {@code Path: /etc/objrepos}: in a shared
     * WPAR (clogin) the usr part is the global environment's, the root part the WPAR's own; -L lists one level per
     * fileset, in a WPAR its own (root part) level. Patterns with * and ? select filesets by name.
     */
    public static int lslpp(Invocation inv) {
        List<String> names = new ArrayList<>();
        boolean colon = false;
        boolean longList = false;
        boolean quiet = false;
        String parts = "ur";
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                colon |= a.contains("c");
                longList |= a.contains("l");
                quiet |= a.contains("q");
                int o = a.indexOf('O');
                if (o >= 0) {
                    parts = o + 1 < a.length() ? a.substring(o + 1) : i + 1 < args.size() ? args.get(++i) : "ur";
                }
            } else {
                names.add(a);
            }
        }
        SimulatedHost host = inv.host;
        Map<String, String> usr = new TreeMap<>();
        Map<String, String> root = new TreeMap<>();
        java.util.Set<String> applied = new java.util.TreeSet<>();
        java.util.Set<String> locked = new java.util.TreeSet<>();
        boolean found = host.locked(() -> {
            Wpar w = insideWpar(inv);
            if (inv.insideWpar != null && w == null) {
                return false;
            }
            if (w == null) {
                usr.putAll(host.filesets);
                root.putAll(host.filesets);
                applied.addAll(host.appliedFilesets);
            } else {
                usr.putAll(w.privateUsr ? w.filesets : host.filesets);
                root.putAll(w.filesets);
            }
            host.efixes.values().forEach(e -> locked.addAll(e.filesets()));
            return true;
        });
        if (!found) {
            inv.err("lslpp: 0504-132  Fileset " + String.join(" ", names) + " not installed.");
            return 1;
        }
        Map<String, String> own = inv.insideWpar != null ? root : usr;
        List<String> selected = new ArrayList<>();
        int rc = 0;
        if (names.isEmpty() || names.contains("all")) {
            selected.addAll(own.keySet());
        } else {
            for (String n : names) {
                Pattern p = glob(n);
                List<String> m = own.keySet().stream().filter(f -> p.matcher(f).matches()).toList();
                if (m.isEmpty()) {
                    inv.err("lslpp: 0504-132  Fileset " + n + " not installed.");
                    rc = 1;
                }
                m.stream().filter(f -> !selected.contains(f)).forEach(selected::add);
            }
        }
        if (colon) {
            inv.out("#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:Destination Dir.:Uninstaller:Message Catalog:Message Set:Message Number:Parent:Automatic:EFIX Locked:Install Path:Build Date");
            for (String n : selected) {
                String pkg = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
                String level = parts.equals("u") ? usr.get(n) : own.get(n);
                inv.out(pkg + ":" + n + ":" + level + ": : :" + (applied.contains(n) ? "A" : "C") + ":F:"
                        + description(n) + ": : : : : : :0:" + (locked.contains(n) ? "1" : "0") + ":/:0847");
            }
        } else if (longList) {
            if (!quiet) {
                inv.out("  Fileset                      Level  State      Description         ");
                inv.out("  " + "-".repeat(76));
            }
            if (parts.contains("u")) {
                inv.out("Path: /usr/lib/objrepos");
                selected.stream().filter(usr::containsKey).forEach(n -> inv.out(lslppLine(n, usr.get(n), applied)));
            }
            if (parts.contains("r")) {
                if (parts.contains("u")) {
                    inv.out("");
                }
                inv.out("Path: /etc/objrepos");
                selected.stream().filter(root::containsKey).forEach(n -> inv.out(lslppLine(n, root.get(n), applied)));
            }
        } else {
            inv.out("  Fileset                      Level  State  Type  Description (Uninstaller)");
            inv.out("  " + "-".repeat(76));
            for (String n : selected) {
                inv.out(String.format("  %-27s%9s    %s     F    %s", n, own.get(n), applied.contains(n) ? "A" : "C",
                        description(n)));
            }
        }
        return rc;
    }

    /** One fileset line of {@code lslpp -l} as in Example 4-18 (RB:3532). */
    static String lslppLine(String fileset, String level, java.util.Set<String> applied) {
        return String.format("  %-26s%8s  %-9s  %s", fileset, level, applied.contains(fileset) ? "APPLIED" : "COMMITTED",
                description(fileset));
    }

    private static Pattern glob(String s) {
        StringBuilder re = new StringBuilder();
        for (char c : s.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** {@code oslevel [-r | -s]}: the global environment's level, or inside a WPAR the WPAR's (IBM reference: oslevel). */
    public static int oslevel(Invocation inv) {
        String tl = inv.host.locked(() -> {
            Wpar w = insideWpar(inv);
            return w != null && w.oslevel != null ? w.oslevel : inv.host.oslevel;
        });
        if (inv.args().contains("-s")) {
            inv.out(tl);
        } else if (inv.args().contains("-r")) {
            inv.out(tl.length() >= 7 ? tl.substring(0, 7) : tl);
        } else {
            inv.out(tl.charAt(0) + "." + tl.charAt(1) + ".0.0");
        }
        return 0;
    }

    // ---------------------------------------------------------------- installp

    /** What an installp selection comes to: filesets to apply (name to from/to), already installed, not on the media. */
    record Selection(Map<String, String[]> apply, Map<String, String> installed, List<String> missing) {
        int selected() {
            return apply.size() + installed.size() + missing.size();
        }
    }

    /**
     * {@code installp -a[c][gXYpv…] -d DIR {FILESET… | all}} (apply, with -c also commit), {@code installp -p…}
     * (preview: the verification and statistics, nothing changes), {@code installp -c [-g…] {FILESET… | all}}
     * (commit what was applied). The apply output is Example 4-18's (RB:3435-3517); the preview, failure and commit
     * texts are IBM's (installp reference). In the global environment installp raises the global levels; in a
     * detached WPAR (clogin, inuwpar) the WPAR's own; in a shared WPAR /usr is read-only and installp refuses.
     */
    public static int installp(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "aAbBcCd:De:Ef:FgiIlLNO:pqQrR:sSt:uvV:wXYz:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "installp [-a | -ac] [-d Device] [-p] [-g] [-X] [-Y] {FilesetName [Level]... | all}");
        }
        if (g.has('u') || g.has('r') || g.has('C') || g.has('l') || g.has('L') || g.has('s') || g.has('A')
                || g.has('i')) {
            inv.err("installp: this simulator supports apply (-a), apply and commit (-ac), preview (-p) and commit (-c)"
                    + " only.");
            return 2;
        }
        if (g.operands().isEmpty()) {
            inv.err("installp: 0503-001 No software products were specified.");
            inv.err("Usage: installp [-a | -ac] [-d Device] [-p] {FilesetName [Level]... | all}");
            return 2;
        }
        if (g.has('c') && !g.has('a')) {
            return commit(inv, g.operands(), g.has('p'));
        }
        if (!g.has('d')) {
            inv.err("installp:  Device /dev/rfd0 could not be accessed.");
            inv.err("        Specify a valid device name.");
            return 1;
        }
        return apply(inv, g.get('d'), g.operands(), g.has('c'), g.has('p'), false);
    }

    /** The source at {@code dir}, or empty after printing installp's device error when the host cannot read it. */
    private static Optional<SoftwareSource> source(Invocation inv, String dir, String command) {
        String path = MapFileSystem.normalize(dir);
        SimulatedHost host = inv.host;
        boolean readable = host.files.isDirectory(path);
        SoftwareSource s = host.softwareSources.get(path);
        if (!readable) {
            inv.err(command + ":  Device " + dir + " could not be accessed.");
            inv.err("        Specify a valid device name.");
            return Optional.empty();
        }
        return Optional.of(s != null ? s : new SoftwareSource(path, null, Map.of(), List.of()));
    }

    private static final Pattern LEVEL = Pattern.compile("\\d+(?:\\.\\d+){1,3}");

    private static Selection select(SoftwareSource source, Map<String, String> installed, List<String> names,
                                    boolean updatesOnly) {
        Map<String, String[]> apply = new LinkedHashMap<>();
        Map<String, String> already = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        // installp's operands are {FilesetName [Level]...}: a level after a name asks for exactly that level (IBM
        // reference: installp). A simulated source holds one level per fileset: any other level is not on the media.
        Map<String, String> requested = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (i + 1 < names.size() && LEVEL.matcher(names.get(i + 1)).matches()) {
                requested.put(n, names.get(++i));
            } else {
                plain.add(n);
            }
        }
        requested.forEach((n, level) -> {
            String offered = source.filesets().get(n);
            String have = installed.get(n);
            if (!level.equals(offered)) {
                missing.add(n + " " + level);
            } else if (have != null && compareLevels(have, level) >= 0) {
                already.put(n, have);
            } else if (have != null || !updatesOnly) {
                apply.put(n, new String[] {have, level});
            }
        });
        if (plain.contains("all")) {
            candidates.addAll(new TreeMap<>(source.filesets()).keySet());
        } else {
            for (String n : plain) {
                // a fileset by its name, else every fileset of a package (X11.Dt selects X11.Dt.*)
                List<String> m = source.filesets().containsKey(n) ? List.of(n) : source.filesets().keySet().stream()
                        .filter(f -> f.startsWith(n + ".")).sorted().toList();
                if (m.isEmpty()) {
                    missing.add(n);
                }
                candidates.addAll(m);
            }
        }
        for (String f : candidates) {
            String offered = source.filesets().get(f);
            String have = installed.get(f);
            if (have == null && updatesOnly) {
                continue;
            }
            if (have != null && compareLevels(have, offered) >= 0) {
                already.put(f, have);
            } else {
                apply.put(f, new String[] {have, offered});
            }
        }
        return new Selection(apply, already, missing);
    }

    static int apply(Invocation inv, String dir, List<String> names, boolean commit, boolean preview,
                     boolean updatesOnly) throws InterruptedException {
        SimulatedHost host = inv.host;
        Optional<SoftwareSource> src = source(inv, dir, "installp");
        if (src.isEmpty()) {
            return 1;
        }
        SoftwareSource source = src.get();
        // where the levels go: the global environment, or the detached WPAR the command runs in
        String refusal = host.locked(() -> {
            Wpar w = insideWpar(inv);
            if (inv.insideWpar != null && (w == null || !w.privateUsr)) {
                return "installp: /usr is a read-only file system in this workload partition;"
                        + " install in the global environment and synchronize the workload partition (syncwpar).";
            }
            return null;
        });
        if (refusal != null) {
            // IBM documents the restriction (a shared WPAR's /usr and /opt are read-only) but no message: ours
            inv.err(refusal);
            return 1;
        }
        Map<String, String> installed = host.locked(() -> {
            Wpar w = insideWpar(inv);
            return new TreeMap<>(w == null ? host.filesets : w.filesets);
        });
        Selection selected = select(source, installed, names, updatesOnly);
        // an interim fix locks the filesets it patches in the global environment: installp leaves them alone and
        // says which (IBM reference: emgr; the notice's wording is ours)
        Map<String, String> locks = host.locked(() -> {
            Map<String, String> m = new TreeMap<>();
            if (insideWpar(inv) == null) {
                host.efixes.values().forEach(e -> e.filesets().forEach(f -> m.putIfAbsent(f, e.label())));
            }
            return m;
        });
        Map<String, String[]> applicable = new LinkedHashMap<>(selected.apply());
        Map<String, String[]> locked = new LinkedHashMap<>();
        selected.apply().forEach((f, l) -> {
            if (locks.containsKey(f)) {
                locked.put(f, l);
                applicable.remove(f);
            }
        });
        Selection sel = new Selection(applicable, selected.installed(), selected.missing());
        printVerification(inv, sel);
        if (!locked.isEmpty()) {
            inv.out("");
            inv.out("installp:  The following filesets are locked by an interim fix and are not updated");
            inv.out("        (emgr -l lists the interim fixes; emgr -r -L LABEL removes one):");
            locked.forEach((f, l) -> inv.out("        " + f + " " + l[1] + " (" + locks.get(f) + ")"));
        }
        if (preview) {
            inv.out("");
            inv.out("*".repeat(79));
            inv.out("End of installp PREVIEW.  No apply operation has actually occurred.");
            inv.out("*".repeat(79));
            return sel.apply().isEmpty() && (!sel.missing().isEmpty() || !locked.isEmpty()) ? 1 : 0;
        }
        if (sel.apply().isEmpty()) {
            return sel.missing().isEmpty() && locked.isEmpty() ? 0 : 1;
        }
        inv.out("");
        inv.out(RULE);
        inv.out("                         Installing Software...");
        inv.out(RULE);
        inv.out("");
        inv.out("installp:  APPLYING software for:");
        sel.apply().forEach((f, l) -> inv.out("        " + f + " " + l[1]));
        inv.out("");
        host.timing.pause("installp");
        List<String> failed = new ArrayList<>();
        var faults = inv.services == null ? null : inv.services.faults();
        for (String f : sel.apply().keySet()) {
            if (faults != null && faults.forFileset(host.name, "installp", f).isPresent()) {
                failed.add(f);
            }
        }
        if (!failed.isEmpty()) {
            inv.out("0503-464 installp:  The installation has FAILED for the \"usr\" part");
            inv.out("        of the following filesets:");
            failed.forEach(f -> inv.out("        " + f + " " + sel.apply().get(f)[1]));
            inv.out("");
            inv.out("installp:  Cleaning up software for:");
            failed.forEach(f -> inv.out("        " + f + " " + sel.apply().get(f)[1]));
            inv.out("");
        }
        host.locked(() -> {
            Wpar w = insideWpar(inv);
            Map<String, String> target = w == null ? host.filesets : w.filesets;
            sel.apply().forEach((f, l) -> {
                if (!failed.contains(f)) {
                    target.put(f, l[1]);
                    if (w == null) {
                        if (commit) {
                            host.appliedFilesets.remove(f);
                        } else {
                            host.appliedFilesets.add(f);
                        }
                    }
                }
            });
            if (source.oslevel() != null && source.filesets().entrySet().stream()
                    .allMatch(e -> !target.containsKey(e.getKey())
                            || compareLevels(target.get(e.getKey()), e.getValue()) >= 0)) {
                if (w == null) {
                    host.oslevel = source.oslevel();
                } else {
                    w.oslevel = source.oslevel();
                }
            }
        });
        inv.out("Finished processing all filesets.  (Total time:  " + Math.max(1, host.timing.wallMillis("installp") / 1000)
                + " secs).");
        inv.out("");
        inv.out(RULE);
        inv.out("                                Summaries:");
        inv.out(RULE);
        inv.out("");
        inv.out("Installation Summary");
        inv.out("--------------------");
        inv.out("Name                        Level           Part        Event       Result");
        inv.out(SUMMARY_RULE);
        for (String part : List.of("USR", "ROOT")) {
            sel.apply().forEach((f, l) -> {
                if (failed.contains(f)) {
                    if (part.equals("USR")) {
                        inv.out(summaryLine(f, l[1], part, "APPLY", "FAILED"));
                        inv.out(summaryLine(f, l[1], part, "CLEANUP", "SUCCESS"));
                    }
                } else {
                    inv.out(summaryLine(f, l[1], part, "APPLY", "SUCCESS"));
                }
            });
        }
        if (commit) {
            for (String part : List.of("USR", "ROOT")) {
                sel.apply().forEach((f, l) -> {
                    if (!failed.contains(f)) {
                        inv.out(summaryLine(f, l[1], part, "COMMIT", "SUCCESS"));
                    }
                });
            }
        }
        return failed.isEmpty() && locked.isEmpty() ? 0 : 1;
    }

    static String summaryLine(String fileset, String level, String part, String event, String result) {
        return String.format("%-28s%-16s%-12s%-12s%s", fileset, level, part, event, result);
    }

    /** installp's pre-installation verification: SUCCESSES, WARNINGS (already installed), FAILURES (not on media). */
    private static void printVerification(Invocation inv, Selection sel) {
        inv.out(RULE);
        inv.out("                    Pre-installation Verification...");
        inv.out(RULE);
        inv.out("Verifying selections...done");
        inv.out("Verifying requisites...done");
        inv.out("Results...");
        inv.out("");
        if (!sel.apply().isEmpty()) {
            inv.out("SUCCESSES");
            inv.out("---------");
            inv.out("  Filesets listed in this section passed pre-installation verification");
            inv.out("  and will be installed.");
            inv.out("");
            inv.out("  Selected Filesets");
            inv.out("  -----------------");
            sel.apply().forEach((f, l) -> inv.out(selectedLine(f, l[1])));
            inv.out("");
            inv.out("  << End of Success Section >>");
            inv.out("");
        }
        if (!sel.installed().isEmpty()) {
            inv.out("WARNINGS");
            inv.out("--------");
            inv.out("  Problems described in this section are not likely to be the source of any");
            inv.out("  immediate or serious failures, but further actions may be necessary or");
            inv.out("  desired.");
            inv.out("");
            inv.out("  Already Installed");
            inv.out("  -----------------");
            inv.out("  The following filesets which you selected are either already installed");
            inv.out("  or effectively installed through superseding filesets.");
            inv.out("");
            sel.installed().forEach((f, l) -> inv.out(selectedLine(f, l)));
            inv.out("");
            inv.out("  << End of Warning Section >>");
            inv.out("");
        }
        if (!sel.missing().isEmpty()) {
            inv.out("FAILURES");
            inv.out("--------");
            inv.out("  Filesets listed in this section failed pre-installation verification");
            inv.out("  and will not be installed.");
            inv.out("");
            inv.out("  Missing Filesets");
            inv.out("  ----------------");
            inv.out("  The following filesets could not be found on the installation media.");
            inv.out("  If you feel these filesets really are on the media, check for typographical");
            inv.out("  errors in the name specified or, if installing from directory, check for");
            inv.out("  discrepancies between the Table of Contents file (.toc) and the images that");
            inv.out("  reside in the directory.");
            inv.out("");
            sel.missing().forEach(f -> inv.out("    " + f));
            inv.out("");
            inv.out("  << End of Failure Section >>");
            inv.out("");
        }
        inv.out("FILESET STATISTICS ");
        inv.out("------------------");
        inv.out(String.format("%5d  Selected to be installed, of which:", sel.selected()));
        inv.out(String.format("%9d  Passed pre-installation verification", sel.apply().size()));
        if (!sel.installed().isEmpty()) {
            inv.out(String.format("%9d  Already installed (directly or via superseding filesets)", sel.installed().size()));
        }
        if (!sel.missing().isEmpty()) {
            inv.out(String.format("%9d  FAILED pre-installation verification", sel.missing().size()));
        }
        inv.out("  ----");
        inv.out(String.format("%5d  Total to be installed", sel.apply().size()));
    }

    /** A "Selected Filesets" line as in Example 4-18 (RB:3581): name, level, then "# description" at column 46. */
    static String selectedLine(String fileset, String level) {
        String d = description(fileset);
        return String.format("  %-44s# %s", fileset + " " + level, d.length() > 30 ? d.substring(0, 27) + "..." : d);
    }

    /** {@code installp -c {FILESET… | all}}: commits what was applied (IBM reference: installp). */
    private static int commit(Invocation inv, List<String> names, boolean preview) {
        SimulatedHost host = inv.host;
        Map<String, String> toCommit = host.locked(() -> {
            Map<String, String> m = new TreeMap<>();
            for (String f : host.appliedFilesets) {
                if (names.contains("all") || names.contains(f) || names.stream().anyMatch(n -> f.startsWith(n + "."))) {
                    m.put(f, host.filesets.get(f));
                }
            }
            return m;
        });
        if (toCommit.isEmpty()) {
            inv.out("installp:  No filesets were found in the Software Vital");
            inv.out("        Product Database in the APPLIED state.");
            return 0;
        }
        if (preview) {
            inv.out("installp:  COMMITTING software for (PREVIEW):");
            toCommit.forEach((f, l) -> inv.out("        " + f + " " + l));
            return 0;
        }
        inv.out("installp:  COMMITTING software for:");
        toCommit.forEach((f, l) -> inv.out("        " + f + " " + l));
        inv.out("");
        host.locked(() -> host.appliedFilesets.removeAll(toCommit.keySet()));
        inv.out("Finished processing all filesets.  (Total time:  1 secs).");
        inv.out("");
        inv.out("Installation Summary");
        inv.out("--------------------");
        inv.out("Name                        Level           Part        Event       Result");
        inv.out(SUMMARY_RULE);
        for (String part : List.of("USR", "ROOT")) {
            toCommit.forEach((f, l) -> inv.out(summaryLine(f, l, part, "COMMIT", "SUCCESS")));
        }
        return 0;
    }

    /**
     * {@code install_all_updates -d DIR [-p] [-c] [-Y] [-x]…}: every installed fileset the directory has a newer level
     * of, through installp (IBM reference: install_all_updates).
     */
    public static int installAllUpdates(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "d:pcinrsSvVxYQ");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "install_all_updates -d device [-p] [-c] [-Y] [-x]");
        }
        if (!g.has('d')) {
            inv.err("install_all_updates: The installation device or directory must be specified (-d).");
            inv.err("Usage: install_all_updates -d device [-p] [-c] [-Y] [-x]");
            return 2;
        }
        inv.out("install_all_updates: Initializing system parameters.");
        inv.out("install_all_updates: Log file is /var/adm/ras/install_all_updates.log");
        inv.out("install_all_updates: Checking for updated install utilities on media.");
        inv.out("install_all_updates: Processing media.");
        Optional<SoftwareSource> src = source(inv, g.get('d'), "install_all_updates");
        if (src.isEmpty()) {
            inv.out("install_all_updates: Result = FAILURE");
            return 1;
        }
        inv.out("install_all_updates: Generating list of updatable installp filesets.");
        Map<String, String> installed = inv.host.locked(() -> {
            Wpar w = insideWpar(inv);
            return new TreeMap<>(w == null ? inv.host.filesets : w.filesets);
        });
        Selection sel = select(src.get(), installed, List.of("all"), true);
        if (sel.apply().isEmpty()) {
            inv.out("install_all_updates: No filesets on the media could be used to update");
            inv.out("the currently installed software.");
            inv.out("");
            inv.out("install_all_updates: Result = SUCCESS");
            return 0;
        }
        inv.out("install_all_updates: The following filesets have been selected as updates");
        inv.out("to currently installed software:");
        inv.out("");
        sel.apply().forEach((f, l) -> inv.out("        " + f + " " + l[1]));
        inv.out("");
        inv.out("        << End of Fileset List >>");
        inv.out("");
        inv.out("install_all_updates: Performing installp update.");
        int rc = apply(inv, g.get('d'), new ArrayList<>(sel.apply().keySet()), g.has('c'), g.has('p'), true);
        if (!g.has('p')) {
            String level = inv.host.locked(() -> {
                Wpar w = insideWpar(inv);
                return w != null && w.oslevel != null ? w.oslevel : inv.host.oslevel;
            });
            inv.out("");
            inv.out("install_all_updates: Checking for recommended maintenance level " + level.substring(0, 7) + ".");
            inv.out("install_all_updates: Executing /usr/bin/oslevel -rf, Result = " + level.substring(0, 7));
            inv.out("install_all_updates: Verification completed.");
        }
        inv.out("install_all_updates: Log file is /var/adm/ras/install_all_updates.log");
        inv.out("install_all_updates: Result = " + (rc == 0 ? "SUCCESS" : "FAILURE"));
        return rc;
    }

    // ---------------------------------------------------------------- syncwpar, syncroot, inuwpar

    /**
     * {@code syncwpar [-v] [-p] {-A | -f FILE | NAME…}}: runs syncroot in each shared system WPAR, which installs the
     * root parts the global environment has newer (Example 4-18, RB:3549-3637). Without -D a detached WPAR is not
     * synchronized (IBM reference: syncwpar — "if you do not specify the -D flag, the syncwpar command runs only on
     * shared WPAR"): named, it is refused; under -A it is left out. {@code syncwpar -D -d DIR NAME…} installs the
     * global environment's levels from DIR into detached WPARs (as inuwpar would).
     */
    public static int syncwpar(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "aAcd:DE:f:FipR:rvX");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "syncwpar [-v] [-p] [-D [-d device]] {-A | -f wparnamesfile | wparname ...}");
        }
        SimulatedHost host = inv.host;
        boolean detached = g.has('D');
        List<String> names = new ArrayList<>(g.operands());
        if (g.has('A')) {
            names = host.locked(() -> host.wparList().stream()
                    .filter(w -> w.type == Wpar.Type.SYSTEM && w.privateUsr == detached).map(w -> w.name).toList());
        } else if (g.has('f')) {
            byte[] f = host.files.read(g.get('f'));
            if (f == null) {
                inv.err("syncwpar: 0960-575 Unable to open file " + g.get('f') + ".");
                return 1;
            }
            for (String l : new String(f, StandardCharsets.UTF_8).split("\\s+")) {
                if (!l.isBlank()) {
                    names.add(l);
                }
            }
        }
        if (names.isEmpty() && !g.has('A')) {
            inv.err("Usage: syncwpar [-v] [-p] [-D [-d device]] {-A | -f wparnamesfile | wparname ...}");
            return 2;
        }
        if (detached && !g.has('d')) {
            inv.err("syncwpar: A software source (-d device) is needed to synchronize detached workload partitions.");
            return 2;
        }
        int rc = 0;
        int i = 0;
        for (String n : names) {
            i++;
            Wpar w = host.locked(() -> host.wpar(n).map(Wpar::copy).orElse(null));
            if (w == null) {
                inv.err("syncwpar: 0960-419 Could not find a workload partition called " + n + ".");
                rc = 1;
                continue;
            }
            if (w.type != Wpar.Type.SYSTEM) {
                inv.err("syncwpar: 0960-428 Cannot synchronize application workload partition " + n + ".");
                rc = 1;
                continue;
            }
            if (w.privateUsr != detached) {
                inv.err(detached
                        ? "syncwpar: Workload partition " + n + " shares /usr with the global environment;"
                                + " synchronize it without -D."
                        : "syncwpar: Workload partition " + n + " is a detached workload partition (private /usr);"
                                + " use syncwpar -D -d device or inuwpar.");
                rc = 1;
                continue;
            }
            inv.out("*".repeat(79));
            inv.out("Synchronizing workload partition " + n + " (" + i + " of " + names.size() + ").");
            inv.out("*".repeat(79));
            int one;
            if (detached) {
                one = detachedSync(inv, n, g.get('d'), g.has('p'));
            } else {
                inv.out("Executing /usr/sbin/syncroot in workload partition " + n + ".");
                host.timing.pause("syncwpar");
                one = syncroot(inv, n, g.has('p'));
            }
            if (one == 0) {
                inv.out("Workload partition " + n + " synchronized successfully.");
            } else {
                inv.out("Workload partition " + n + " was not synchronized successfully.");
                rc = 1;
            }
            inv.out("");
        }
        inv.out("Return Status = " + (rc == 0 ? "SUCCESS" : "FAILURE") + ".");
        return rc;
    }

    /** The global levels, from {@code dir}, into a detached WPAR: installp run inside it. */
    private static int detachedSync(Invocation inv, String wpar, String dir, boolean preview) throws InterruptedException {
        Map<String, String> global = inv.host.locked(() -> new TreeMap<>(inv.host.filesets));
        Invocation inside = inv.with(List.of("installp", "-agXY", "-d", dir, "all"), wpar);
        Optional<SoftwareSource> src = source(inside, dir, "installp");
        if (src.isEmpty()) {
            return 1;
        }
        List<String> wanted = global.keySet().stream()
                .filter(f -> global.get(f).equals(src.get().filesets().get(f))).toList();
        Map<String, String> own = inv.host.locked(() -> inv.host.wpar(wpar).map(w -> new TreeMap<>(w.filesets))
                .orElse(new TreeMap<>()));
        List<String> behind = wanted.stream().filter(f -> !global.get(f).equals(own.get(f))).toList();
        if (behind.isEmpty()) {
            inv.out("syncwpar: Software in workload partition " + wpar + " is at the global environment's levels.");
            return 0;
        }
        return apply(inside, dir, behind, true, preview, false);
    }

    /** {@code syncroot} inside a WPAR (clogin NAME syncroot; Table 3-3, RB:1564, and RB:3420). */
    public static int syncrootCommand(Invocation inv) throws InterruptedException {
        if (inv.insideWpar == null) {
            inv.err("syncroot: This command can only be run inside a system workload partition.");
            return 1;
        }
        return syncroot(inv, inv.insideWpar, inv.args().contains("-p"));
    }

    /**
     * syncroot for one system WPAR: the root parts the WPAR has at a level other than the global environment's (or not
     * at all) are installed at the global level, those the global environment no longer has are removed; a detached
     * WPAR's root part follows its own /usr, so it has nothing to do. Output of Example 4-18 (RB:3555-3631) when
     * there is something to install, RB:2484-2492 when there is not.
     */
    static int syncroot(Invocation inv, String wpar, boolean preview) {
        SimulatedHost host = inv.host;
        Map<String, String> behind = new TreeMap<>();
        List<String> gone = new ArrayList<>();
        boolean exists = host.locked(() -> {
            Wpar w = host.wpar(wpar).orElse(null);
            if (w == null) {
                return false;
            }
            if (!w.privateUsr) {
                host.filesets.forEach((f, l) -> {
                    if (!l.equals(w.filesets.get(f))) {
                        behind.put(f, l);
                    }
                });
                w.filesets.keySet().stream().filter(f -> !host.filesets.containsKey(f)).forEach(gone::add);
            }
            return true;
        });
        if (!exists) {
            inv.err("syncroot: 0960-419 Could not find a workload partition called " + wpar + ".");
            return 1;
        }
        inv.out("syncroot: Processing root part installation status.");
        if (behind.isEmpty() && gone.isEmpty()) {
            synchronizedLines(inv, true);
            return 0;
        }
        inv.out("syncroot: Synchronizing installp software.");
        inv.out(RULE);
        inv.out("                    Pre-installation Verification...");
        inv.out(RULE);
        inv.out("Verifying selections...done");
        inv.out("Verifying requisites...done");
        inv.out("Results...");
        inv.out("");
        inv.out("SUCCESSES");
        inv.out("---------");
        inv.out("  Filesets listed in this section passed pre-installation verification");
        inv.out("  and will be installed.");
        inv.out("");
        inv.out("  Selected Filesets");
        inv.out("  -----------------");
        behind.forEach((f, l) -> inv.out(selectedLine(f, l)));
        inv.out("");
        inv.out("  << End of Success Section >>");
        if (preview) {
            inv.out("");
            inv.out("End of installp PREVIEW.  No apply operation has actually occurred.");
            return 0;
        }
        List<String> failed = new ArrayList<>();
        var faults = inv.services == null ? null : inv.services.faults();
        for (String f : behind.keySet()) {
            if (faults != null && faults.forFileset(host.name, "syncroot", f).isPresent()) {
                failed.add(f);
            }
        }
        host.locked(() -> host.wpar(wpar).ifPresent(w -> {
            behind.forEach((f, l) -> {
                if (!failed.contains(f)) {
                    w.filesets.put(f, l);
                }
            });
            gone.forEach(w.filesets::remove);
            if (failed.isEmpty()) {
                w.oslevel = host.oslevel;
            }
        }));
        if (!failed.isEmpty()) {
            inv.out("0503-464 installp:  The installation has FAILED for the \"root\" part");
            inv.out("        of the following filesets:");
            failed.forEach(f -> inv.out("        " + f + " " + behind.get(f)));
            inv.out("");
        }
        inv.out("Installation Summary");
        inv.out("--------------------");
        inv.out("Name                        Level           Part        Event       Result");
        inv.out(SUMMARY_RULE);
        behind.forEach((f, l) -> inv.out(summaryLine(f, l, "ROOT", "APPLY", failed.contains(f) ? "FAILED" : "SUCCESS")));
        gone.forEach(f -> inv.out(summaryLine(f, "", "ROOT", "DEINSTALL", "SUCCESS")));
        if (!failed.isEmpty()) {
            inv.out("syncroot: Processing root part installation status.");
            inv.out("syncroot: Installp root packages are not synchronized.");
            inv.out("syncroot: Returns Status = FAILURE");
            return 1;
        }
        synchronizedLines(inv, false);
        return 0;
    }

    private static void synchronizedLines(Invocation inv, boolean first) {
        if (!first) {
            inv.out("syncroot: Processing root part installation status.");
        }
        inv.out("syncroot: Installp root packages are currently synchronized.");
        inv.out("syncroot: RPM root packages are currently synchronized.");
        inv.out("syncroot: Root part is currently synchronized.");
        inv.out("syncroot: Returns Status = SUCCESS");
    }

    /**
     * {@code inuwpar [-d DIR | -D] [-G] {-A | -f FILE | -w NAME[,NAME…]} COMMAND [OPTION…]} (IBM reference: inuwpar):
     * runs an installation command (installp, install_all_updates, emgr) in each detached system WPAR named, with
     * -G in the global environment first. A shared WPAR is refused: its /usr is the global environment's.
     */
    public static int inuwpar(Invocation inv) throws InterruptedException {
        List<String> args = inv.args();
        String dir = null;
        boolean global = false;
        boolean all = false;
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            switch (a) {
                case "-d" -> dir = i + 1 < args.size() ? args.get(++i) : null;
                case "-D" -> { }
                case "-G" -> global = true;
                case "-A" -> all = true;
                case "-w" -> {
                    if (i + 1 < args.size()) {
                        names.addAll(List.of(args.get(++i).split(",")));
                    }
                }
                case "-f" -> {
                    byte[] f = i + 1 < args.size() ? inv.host.files.read(args.get(++i)) : null;
                    if (f == null) {
                        inv.err("inuwpar: Unable to open the file of workload partition names.");
                        return 1;
                    }
                    for (String l : new String(f, StandardCharsets.UTF_8).split("\\s+")) {
                        if (!l.isBlank()) {
                            names.add(l);
                        }
                    }
                }
                default -> {
                    inv.err("inuwpar: Not a recognized flag: " + a.substring(1));
                    inv.err("Usage: inuwpar [-d directory | -D] [-G] {-A | -f wparnamesfile | -w wparname,...}"
                            + " cmdname [option ...]");
                    return 2;
                }
            }
            i++;
        }
        List<String> command = new ArrayList<>(args.subList(i, args.size()));
        if (command.isEmpty() || (!all && names.isEmpty())) {
            inv.err("Usage: inuwpar [-d directory | -D] [-G] {-A | -f wparnamesfile | -w wparname,...}"
                    + " cmdname [option ...]");
            return 2;
        }
        if (!List.of("installp", "install_all_updates", "emgr", "lslpp").contains(Commands.baseName(command.get(0)))) {
            inv.err("inuwpar: " + command.get(0) + " is not an installation command inuwpar can run.");
            return 2;
        }
        if (dir != null && !command.contains("-d") && !Commands.baseName(command.get(0)).equals("emgr")) {
            command.add(1, "-d");
            command.add(2, dir);
        }
        SimulatedHost host = inv.host;
        if (all) {
            names = host.locked(() -> host.wparList().stream().filter(w -> w.type == Wpar.Type.SYSTEM && w.privateUsr)
                    .map(w -> w.name).toList());
        }
        int rc = 0;
        if (global) {
            rc = inv.services.commands().execute(inv.with(command, null)) == 0 ? 0 : 1;
        }
        for (String n : names) {
            Wpar w = host.locked(() -> host.wpar(n).map(Wpar::copy).orElse(null));
            if (w == null) {
                inv.err("inuwpar: 0960-419 Could not find a workload partition called " + n + ".");
                rc = 1;
                continue;
            }
            if (w.type != Wpar.Type.SYSTEM || !w.privateUsr) {
                inv.err("inuwpar: Workload partition " + n + " is not a detached system workload partition;"
                        + " its /usr is the global environment's (use syncwpar).");
                rc = 1;
                continue;
            }
            inv.out("inuwpar: Running " + String.join(" ", command) + " in workload partition " + n + ".");
            int one = inv.services.commands().execute(inv.with(command, n));
            inv.out("inuwpar: Workload partition " + n + ": Return Status = " + (one == 0 ? "SUCCESS" : "FAILURE"));
            if (one != 0) {
                rc = 1;
            }
        }
        return rc;
    }

    // ---------------------------------------------------------------- emgr

    private static final DateTimeFormatter EMGR_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");

    /**
     * {@code emgr -e PACKAGE [-p] [-X]} installs an interim fix in the global environment, {@code emgr -l [-L LABEL]}
     * lists them, {@code emgr -r -L LABEL} removes one (IBM reference: emgr). An installed efix locks the filesets it
     * patches (lslpp -Lc's "EFIX Locked" field).
     */
    public static int emgr(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "e:lrL:pXqv:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "emgr {-e package [-p] [-X] | -l [-L label] | -r -L label}");
        }
        SimulatedHost host = inv.host;
        if (g.has('l')) {
            List<InstalledEfix> list = host.locked(() -> new ArrayList<>(host.efixes.values()));
            if (g.has('L')) {
                list.removeIf(e -> !e.label().equals(g.get('L')));
            }
            if (list.isEmpty()) {
                inv.out("There is no efix data on this system.");
                return g.has('L') ? 1 : 0;
            }
            inv.out("");
            inv.out("ID  STATE LABEL      INSTALL TIME      UPDATED BY ABSTRACT");
            inv.out("=== ===== ========== ================= ========== ======================================");
            int id = 1;
            for (InstalledEfix e : list) {
                inv.out(String.format("%-4d%-6s%-11s%-18s%-11s%s", id++, " " + e.state(), e.label(), e.installed(), "",
                        e.summary()));
            }
            inv.out("");
            inv.out("STATE codes:");
            inv.out(" S = STABLE");
            inv.out(" M = MOUNTED");
            inv.out(" U = UNMOUNTED");
            inv.out(" Q = REBOOT REQUIRED");
            inv.out(" B = BROKEN");
            inv.out(" I = INSTALLING");
            inv.out(" R = REMOVING");
            inv.out(" T = TESTED");
            inv.out(" P = PATCHED");
            inv.out(" N = NOT PATCHED");
            inv.out(" SP = STABLE + PATCHED");
            inv.out(" SN = STABLE + NOT PATCHED");
            inv.out(" QP = BOOT IMAGE MODIFIED + PATCHED");
            inv.out(" QN = BOOT IMAGE MODIFIED + NOT PATCHED");
            inv.out(" RQ = REMOVING + REBOOT REQUIRED");
            return 0;
        }
        if (g.has('r')) {
            if (!g.has('L')) {
                inv.err("emgr: The -r flag needs an interim fix label (-L label).");
                return 2;
            }
            String label = g.get('L');
            InstalledEfix removed = host.locked(() -> host.efixes.remove(label));
            if (removed == null) {
                inv.err("emgr: There is no efix data for label " + label + " on this system.");
                return 1;
            }
            efixBanner(inv, "Efix Manager Initialization");
            inv.out("Initializing log /var/adm/ras/emgr.log ...");
            inv.out("Accessing efix metadata ...");
            inv.out("Processing efix label \"" + label + "\" ...");
            inv.out("Removing efix package ...");
            operationSummary(inv, label, "REMOVE");
            return 0;
        }
        if (!g.has('e')) {
            inv.err("Usage: emgr {-e package [-p] [-X] | -l [-L label] | -r -L label}");
            return 2;
        }
        String pkg = g.get('e');
        Optional<SoftwareSource.Efix> efix = host.locked(() -> host.softwareSources.values().stream()
                .map(s -> s.efix(MapFileSystem.normalize(pkg))).flatMap(Optional::stream).findFirst());
        if (efix.isEmpty() || !host.files.exists(pkg)) {
            inv.err("emgr: ATTENTION: Unable to access efix package file " + pkg + ".");
            inv.err("emgr: Return Status = FAILURE");
            return 1;
        }
        SoftwareSource.Efix e = efix.get();
        efixBanner(inv, "Efix Manager Initialization");
        inv.out("Initializing log /var/adm/ras/emgr.log ...");
        inv.out("Efix package file is: " + pkg);
        inv.out("MD5 generating command is /usr/bin/csum");
        inv.out("Accessing efix metadata ...");
        inv.out("Processing efix label \"" + e.label() + "\" ...");
        inv.out("Verifying efix control file ...");
        boolean already = host.locked(() -> host.efixes.containsKey(e.label()));
        if (already) {
            inv.err("emgr: Efix with label " + e.label() + " is already installed.");
            inv.err("emgr: Return Status = FAILURE");
            return 1;
        }
        efixBanner(inv, "Installp Prerequisite Verification");
        for (String f : e.filesets()) {
            String have = host.locked(() -> host.filesets.get(f));
            if (have == null) {
                inv.err("emgr: Prerequisite fileset " + f + " is not installed.");
                inv.err("emgr: Return Status = FAILURE");
                return 1;
            }
            inv.out("Verifying prerequisite file " + f + " ... PASSED");
        }
        if (g.has('p')) {
            operationSummary(inv, e.label(), "INSTALL PREVIEW");
            return 0;
        }
        efixBanner(inv, "Processing Efix Package");
        inv.out("Installing all efix files:");
        inv.out("Installing efix package file ... Done.");
        inv.out("Efix State");
        inv.out("----------");
        inv.out("Setting efix state to: STABLE");
        host.locked(() -> host.efixes.put(e.label(), new InstalledEfix(e.label(), e.summary(), e.filesets(),
                LocalDateTime.now().format(EMGR_TIME), "S")));
        operationSummary(inv, e.label(), "INSTALL");
        return 0;
    }

    private static void efixBanner(Invocation inv, String title) {
        inv.out("");
        inv.out(RULE);
        inv.out(title);
        inv.out(RULE);
    }

    private static void operationSummary(Invocation inv, String label, String operation) {
        efixBanner(inv, "Operation Summary");
        inv.out("Log file is /var/adm/ras/emgr.log");
        inv.out("");
        inv.out("EPKG NUMBER       LABEL               OPERATION              RESULT");
        inv.out("===========       ==============      =================      ==============");
        inv.out(String.format("%-18s%-20s%-23s%s", "1", label, operation, "SUCCESS"));
        inv.out("");
        inv.out("Return Status = SUCCESS");
    }
}
