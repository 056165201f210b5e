package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mkwpar, startwpar, stopwpar, rmwpar, chwpar: commands from typed inputs and parsers for their output
 * (digest §1.1, §1.4, §1.5, §1.7, §1.8). Failures are interpreted by {@link AixOutcomes}.
 */
public final class WparLifecycle {

    private static final Pattern CREATED = Pattern.compile("Workload partition (\\S+) created successfully\\.");
    private static final Pattern SUBSYSTEM_PID = Pattern.compile(
            "0513-059 The (\\S+) Subsystem has been started\\. Subsystem PID is (\\d+)\\.");
    private static final Pattern STARTING = Pattern.compile("Starting workload partition (\\S+)\\.");
    private static final Pattern RM_FS = Pattern.compile("rmwpar: Removing file system (\\S+)\\.");
    private static final Pattern RM_LV = Pattern.compile("rmlv: Logical volume (\\S+) is removed\\.");
    private static final Pattern RESOLVED = Pattern.compile("RESOLVED\\s*\\R\\s*(?:\\S+: )?(\\d{4}-\\d{3}) ([^\\r\\n]*)");

    private WparLifecycle() {
    }

    /**
     * Everything mkwpar takes that wparflow uses (RB:2445-2451, RB:4734, RB:4751-4757, RB:10832). Flags whose
     * meaning the book does not give ({@code -p}, digest §0.1) are offered because the book's procedures use them.
     *
     * @param name            {@code -n}
     * @param hostname        {@code -h}
     * @param networks        {@code -N} (repeatable)
     * @param mounts          {@code -M} (repeatable)
     * @param checkpointable  {@code -c}
     * @param preserve        {@code -p} (used as in {@code mkwpar -p -f wpar.spec}, RB:4757; [SILENT] in the book)
     * @param autoResolve     {@code -a}
     * @param copyNameResolution {@code -r}
     * @param specFile        {@code -f}
     * @param volumeGroup     {@code -g} (IBM mkwpar reference; the SMIT panel's "Default Volume group name", RB:9524)
     * @param baseDirectory   {@code -d} (IBM mkwpar reference; SMIT "Base Directory", RB:9522)
     */
    public record MkwparRequest(WparName name, HostName hostname, List<NetworkSpec> networks, List<MountSpec> mounts,
            boolean checkpointable, boolean preserve, boolean autoResolve, boolean copyNameResolution,
            AbsolutePath specFile, VolumeGroupName volumeGroup, AbsolutePath baseDirectory) {

        public MkwparRequest {
            networks = networks == null ? List.of() : List.copyOf(networks);
            mounts = mounts == null ? List.of() : List.copyOf(mounts);
            if (name == null && specFile == null) {
                throw new InvalidArgumentException("name", null, "is required unless a spec file (-f) is given");
            }
        }

        /** {@code mkwpar -p -f SPEC}: the WPAR a spec file describes, its file systems kept (RB:4757). */
        public static MkwparRequest preservingFromSpec(AbsolutePath specFile) {
            return new MkwparRequest(null, null, List.of(), List.of(), false, true, false, false, specFile, null, null);
        }

        /** {@code mkwpar -f SPEC}: the WPAR a spec file describes, created with new file systems (RB:9591). */
        public static MkwparRequest fromSpec(AbsolutePath specFile) {
            return new MkwparRequest(null, null, List.of(), List.of(), false, false, false, false, specFile, null, null);
        }

        public static MkwparRequest simple(WparName name, HostName hostname, NetworkSpec network) {
            return new MkwparRequest(name, hostname, network == null ? List.of() : List.of(network), List.of(), false,
                    false, false, false, null, null, null);
        }
    }

    /** What mkwpar (or restwpar, which runs mkwpar) reported. */
    public record Created(String name, List<AixMessage> resolvedConflicts) {
    }

    /** What startwpar reported: the WPAR and its {@code cor_<name>} SRC subsystem PID (RB:2530). */
    public record Started(String name, String subsystem, Long subsystemPid) {
    }

    /** What rmwpar removed, in its order (RB:2857-2885). */
    public record Removed(List<String> fileSystems, List<String> logicalVolumes) {
    }

    // ---------------------------------------------------------------- mkwpar

    public static AixCommand mkwpar(MkwparRequest r) {
        AixCommand.Builder b = AixCommand.of("mkwpar");
        if (r.name() != null) {
            b.flag("-n", r.name());
        }
        if (r.hostname() != null) {
            b.flag("-h", r.hostname());
        }
        if (r.checkpointable()) {
            b.flag("-c");
        }
        if (r.preserve()) {
            b.flag("-p");
        }
        if (r.autoResolve()) {
            b.flag("-a");
        }
        if (r.copyNameResolution()) {
            b.flag("-r");
        }
        if (r.volumeGroup() != null) {
            b.flag("-g", r.volumeGroup());
        }
        if (r.baseDirectory() != null) {
            b.flag("-d", r.baseDirectory());
        }
        for (NetworkSpec n : r.networks()) {
            b.flag("-N", n.attributes());
        }
        for (MountSpec m : r.mounts()) {
            b.flag("-M", m.attributes());
        }
        if (r.specFile() != null) {
            b.flag("-f", r.specFile());
        }
        return b.build();
    }

    /** {@code mkwpar -w -o SPEC -e NAME}: write the spec of an existing WPAR without creating one (RB:4751). */
    public static AixCommand writeSpec(WparName existing, AbsolutePath specFile) {
        return AixCommand.of("mkwpar").flag("-w").flag("-o", specFile).flag("-e", existing).build();
    }

    /**
     * Parses mkwpar/restwpar output: the created name ("Workload partition X created successfully.", RB:2494) and
     * the conflicts resolved by {@code -a} (RESOLVED banners, RB:10921-10947). Exit 0 without the line is
     * unexpected.
     */
    public static Created parseCreated(String out) {
        Matcher m = CREATED.matcher(out);
        if (!m.find()) {
            throw new UnexpectedOutputException("mkwpar: no 'Workload partition ... created successfully.' line");
        }
        List<AixMessage> resolved = new ArrayList<>();
        Matcher rm = RESOLVED.matcher(out);
        while (rm.find()) {
            resolved.add(new AixMessage("mkwpar", rm.group(1), rm.group(2).strip(), AixOutcome.INFORMATIONAL));
        }
        return new Created(m.group(1), resolved);
    }

    /**
     * {@code wparexec -f SPEC}: creates and starts an application WPAR from a spec file (RB:9591, "-f is also accepted
     * by wparexec"); Table 4-3 row 8 "Start WPAR" on the arriving system, with the spec the departing one wrote.
     */
    public static AixCommand wparexecFromSpec(AbsolutePath specFile) {
        return AixCommand.of("wparexec").flag("-f", specFile).build();
    }

    // ---------------------------------------------------------------- startwpar / stopwpar

    /** How startwpar runs: {@code -v} verbose. */
    public enum Start {
        VERBOSE
    }

    /** {@code startwpar [-v] NAME}. */
    public static AixCommand startwpar(WparName name, Start... options) {
        AixCommand.Builder b = AixCommand.of("startwpar");
        if (List.of(options).contains(Start.VERBOSE)) {
            b.flag("-v");
        }
        return b.arg(name).build();
    }

    public static Started parseStarted(String out) {
        Matcher s = STARTING.matcher(out);
        String name = s.find() ? s.group(1) : null;
        Matcher p = SUBSYSTEM_PID.matcher(out);
        if (p.find()) {
            return new Started(name, p.group(1), Long.parseLong(p.group(2)));
        }
        return new Started(name, null, null);
    }

    /**
     * {@code stopwpar [-F] [-N] [-v] NAME}: {@code -F} forces (also takes a Broken WPAR back to Defined, RB:2844),
     * {@code -N} stops without delay (RB:2671).
     */
    public static AixCommand stopwpar(WparName name, Stop... options) {
        List<Stop> o = List.of(options);
        AixCommand.Builder b = AixCommand.of("stopwpar");
        if (o.contains(Stop.FORCE)) {
            b.flag("-F");
        }
        if (o.contains(Stop.NO_DELAY)) {
            b.flag("-N");
        }
        if (o.contains(Stop.VERBOSE)) {
            b.flag("-v");
        }
        return b.arg(name).build();
    }

    /** How stopwpar stops: {@code -F} force, {@code -N} without delay, {@code -v} verbose. */
    public enum Stop {
        FORCE, NO_DELAY, VERBOSE
    }

    // ---------------------------------------------------------------- rmwpar

    /** How rmwpar removes: {@code -F} force, {@code -p} keep the WPAR's file systems. */
    public enum Remove {
        FORCE, PRESERVE_FILE_SYSTEMS
    }

    /**
     * {@code rmwpar [-F] [-p] NAME}. The book shows only {@code rmwpar NAME} (digest §0.1); {@code -F} (force) and
     * {@code -p} (preserve the file systems) are from IBM's rmwpar reference.
     */
    public static AixCommand rmwpar(WparName name, Remove... options) {
        List<Remove> o = List.of(options);
        AixCommand.Builder b = AixCommand.of("rmwpar");
        if (o.contains(Remove.FORCE)) {
            b.flag("-F");
        }
        if (o.contains(Remove.PRESERVE_FILE_SYSTEMS)) {
            b.flag("-p");
        }
        return b.arg(name).build();
    }

    /**
     * {@code clogin NAME PROGRAM WORDS…}: a command from configuration run inside the WPAR; the first word is the
     * program, each other word a flag ({@code -x}) or a bare-safe keyword.
     */
    public static AixCommand clogin(WparName name, List<String> command) {
        if (command == null || command.isEmpty()) {
            throw new InvalidArgumentException("command", null, "must name a program to run inside the WPAR");
        }
        AixCommand.Builder inner = AixCommand.of(command.get(0));
        for (String w : command.subList(1, command.size())) {
            if (w.startsWith("-")) {
                inner.flag(w);
            } else {
                inner.keyword(w);
            }
        }
        return AixCommand.of("clogin").arg(name).command(inner.build()).build();
    }

    public static Removed parseRemoved(String out) {
        List<String> fs = new ArrayList<>();
        List<String> lv = new ArrayList<>();
        Matcher m = RM_FS.matcher(out);
        while (m.find()) {
            fs.add(m.group(1));
        }
        m = RM_LV.matcher(out);
        while (m.find()) {
            lv.add(m.group(1));
        }
        return new Removed(fs, lv);
    }

    // ---------------------------------------------------------------- chwpar

    /** {@code chwpar -n NEW OLD}: rename; only in the Defined state, else 0960-053 (RB:2769-2812). */
    public static AixCommand rename(WparName current, WparName newName) {
        return AixCommand.of("chwpar").flag("-n", newName).arg(current).build();
    }

    /** {@code chwpar -N address=... [interface=...] NAME} (RB:10785). */
    public static AixCommand changeNetwork(WparName name, NetworkSpec network) {
        return AixCommand.of("chwpar").flag("-N", network.attributes()).arg(name).build();
    }

    /** The {@code -R} attributes of Table 8-1 (RB:11216-11326). */
    public enum ResourceControl {
        ACTIVE("active"), RSET("rset"), SHARES_CPU("shares_CPU"), CPU("CPU"), SHARES_MEMORY("shares_memory"),
        MEMORY("memory"), TOTAL_PROCESSES("totalProcesses"), TOTAL_THREADS("totalThreads"),
        PROC_VIRT_MEM("procVirtMem");

        private final String key;

        ResourceControl(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** {@code chwpar -R attr=value ... NAME}: the controls {@code changes} sets (Table 8-1), effective at once. */
    public static AixCommand changeResources(WparName name, ResourceControls changes) {
        return AixCommand.of("chwpar").flag("-R", changes.attributes()).arg(name).build();
    }

    /**
     * {@code chwpar -K -R attr ... NAME}: the controls named back to their defaults (Table 8-2). The book is silent;
     * IBM's chwpar reference: "-K" removes a characteristic from the configuration, an attribute with a default
     * returning to it, with the syntax {@code chwpar -K [-R [attribute ...]] wparname}.
     */
    public static AixCommand resetResources(WparName name, java.util.List<ResourceControl> controls) {
        if (controls.isEmpty()) {
            throw new InvalidArgumentException("resourceControls", "", "name at least one control to reset");
        }
        AixCommand.Builder b = AixCommand.of("chwpar").flag("-K").flag("-R");
        controls.forEach(c -> b.keyword(c.key()));
        return b.arg(name).build();
    }

    /**
     * {@code chwpar -R attr=value ... NAME} (RB:11514, Table 8-1). Values are numbers, percentages, ranges, sizes or
     * yes/no ({@code 30}, {@code 5%-50%,80%}, {@code 1TB}), bare-safe by construction.
     */
    public static AixCommand changeResources(WparName name, Map<ResourceControl, String> controls) {
        AttributeList.Builder a = AttributeList.builder();
        controls.forEach((k, v) -> {
            if (v == null || !v.matches("[A-Za-z0-9%.,_-]{1,32}")) {
                throw new InvalidArgumentException("resourceControl." + k.key(), v,
                        "must be a number, percentage, range, size or yes/no such as 30, 5%-50%,80% or 1TB");
            }
            a.keyword(k.key(), v);
        });
        return AixCommand.of("chwpar").flag("-R", a.build()).arg(name).build();
    }
}
