package dev.wparflow.process.relocation.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.Devices;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.NfsExports;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.SubsystemName;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.UnexpectedOutputException;
import dev.wparflow.aix.UserChecks;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;

/**
 * The compatibility checks of Redbook 5.5 (digest §4), which have no CLI ("the API ... is not available from the
 * CLI", RB:4739), measured with commands on both systems: oslevel -s, lslpp -Lc, prtconf, lssrc -s xntpd, lsvg, the
 * WPAR's lswpar -c/-N/-M/-R/-D, the arriving system's {@code ifconfig -a} (or {@code netstat -in}) and
 * /etc/wpars/devmap, {@code showmount -e} of each NFS server the WPAR uses (and a read-only test mount when the WPAR
 * could move live), {@code lsvg -l} for the WPAR's logical volumes, {@code lsdev -C}, and the user-defined checks of
 * {@code wparflow.relocation.user-checks}. The decision table {@code RelocationCompatibility}
 * (processes/RelocationCompatibility.dmn, editable by an administrator) says which checks fail for which mode. A
 * check whose measurement fails is "not checked" and blocks both modes, whatever the table says. Nothing changes on
 * any host (the test mount is undone, its scratch directory removed).
 */
@Service
public class CompatibilityService {

    public static final String DECISION = "RelocationCompatibility";
    static final List<String> BASE_FILESETS = List.of("bos.rte", "bos.wpars", "bos.rte.libc");
    static final String MCR = "mcr.rte";
    /** The check row the decision table gives for a failed user-defined check; each one is shown as user:NAME. */
    static final String USER_CHECKS = "user-checks";
    static final String NOT_CHECKED_RULE = "a check that cannot be measured blocks the relocation (not checked)";
    private static final List<LswparField> WPAR_FIELDS = List.of(LswparField.NAME, LswparField.STATE,
            LswparField.TYPE, LswparField.HOSTNAME, LswparField.CHECKPOINTABLE);
    private static final Set<WparState> RUNNING = Set.of(WparState.ACTIVE, WparState.PAUSED, WparState.FROZEN,
            WparState.MOVING, WparState.LOADED);

    private final AixGateway aix;
    private final DecisionService decisions;
    private final UserCheckSettings userChecks;
    private final ObjectMapper json = new ObjectMapper();

    public CompatibilityService(AixGateway aix, DecisionService decisions) {
        this(aix, decisions, UserCheckSettings.none());
    }

    @Autowired
    public CompatibilityService(AixGateway aix, DecisionService decisions, UserCheckSettings userChecks) {
        this.aix = aix;
        this.decisions = decisions;
        this.userChecks = userChecks;
    }

    /**
     * What one system looks like for the checks: {@code filesets} maps each fileset asked for to its level;
     * {@code processorMode} is prtconf's Processor Implementation Mode, {@code hostname} and {@code address} its
     * Network Information.
     */
    public record SystemProfile(String host, String osLevel, String processorType, Long memoryMb,
            Map<String, String> filesets, boolean ntpActive, long rootvgFreeMb, String processorMode,
            String hostname, String address) {
    }

    /**
     * One row of the decision table: which check, for which mode, FAIL or WARN, {@code message} what exactly is wrong
     * on which system ("bos.rte.libc missing on lpar01"), {@code rule} the table's statement of the rule.
     */
    public record Finding(String check, String mode, String severity, String message, String rule) {
    }

    /**
     * One check as measured on both systems, with the findings for it (none: passed). A check whose measurement
     * failed ({@code measured} false) is "not checked": it carries a FAIL for both modes.
     */
    public record CheckResult(String check, String detail, boolean measured, List<Finding> findings) {

        /** PASS, NOT CHECKED, or each finding's severity and mode ("FAIL live", "FAIL" for both). */
        public String result() {
            if (!measured) {
                return "NOT CHECKED";
            }
            if (findings.isEmpty()) {
                return "PASS";
            }
            return findings.stream().map(f -> f.severity() + ("both".equals(f.mode()) ? "" : " " + f.mode()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** The facts, every check (passed and failed), the findings and what they mean for each mode. */
    public record Report(Map<String, Object> facts, List<CheckResult> checks, List<Finding> findings,
            boolean staticCompatible, boolean liveCompatible) {
    }

    public SystemProfile profile(String host, Origin origin) {
        AixHost aixHost = aix.on(host, origin);
        SystemInfo.OsLevel os = aixHost.read(SystemInfo.oslevel(), SystemInfo::parseOslevel);
        List<FilesetName> wanted = new ArrayList<>();
        BASE_FILESETS.forEach(f -> wanted.add(FilesetName.of(f)));
        wanted.add(FilesetName.of(MCR));
        Map<String, String> filesets = new TreeMap<>();
        aixHost.filesets(wanted).forEach(f -> filesets.put(f.fileset(), f.level()));
        SystemInfo.Prtconf prtconf = aixHost.read(SystemInfo.prtconf(), SystemInfo::parsePrtconf);
        AixResult<List<SystemInfo.Subsystem>> ntp = aixHost.attemptRead(SystemInfo.lssrc(SubsystemName.of("xntpd")),
                SystemInfo::parseLssrc);
        boolean ntpActive = ntp.isOk() && ntp.value().stream().anyMatch(SystemInfo.Subsystem::isActive);
        Lvm.VolumeGroup rootvg = aixHost.read(Lvm.volumeGroup(VolumeGroupName.of("rootvg")), Lvm::parseVolumeGroup);
        return new SystemProfile(host, os.toString(), prtconf.processorType(), prtconf.memoryMb(), filesets,
                ntpActive, rootvg.freeMegabytes(), prtconf.processorImplementationMode(),
                prtconf.all().get("Host Name"), prtconf.all().get("IP Address"));
    }

    /** A measured detail, or why it could not be measured. */
    private record Measured(String detail, boolean measured) {
        static Measured of(String detail) {
            return new Measured(detail, true);
        }

        static Measured notChecked(String why) {
            return new Measured("not checked: " + why, false);
        }
    }

    /**
     * The profiles of a series of checks that runs within seconds and changes nothing (an evacuation's plan): each
     * host's profile is read once, on its first check; a read that fails is not kept.
     */
    public Function<String, SystemProfile> profilesReadOnce(Origin origin) {
        Map<String, SystemProfile> read = new ConcurrentHashMap<>();
        return host -> {
            SystemProfile known = read.get(host);
            if (known != null) {
                return known;
            }
            SystemProfile profile = profile(host, origin);
            read.put(host, profile);
            return profile;
        };
    }

    /** Collects both profiles and the WPAR's facts, measures every check and runs the decision table. */
    public Report check(String wpar, String departing, String arriving, Origin origin) {
        return check(wpar, departing, arriving, origin, host -> profile(host, origin));
    }

    /** The same, the two systems' profiles taken from {@code profiles} (e.g. {@link #profilesReadOnce}). */
    public Report check(String wpar, String departing, String arriving, Origin origin,
            Function<String, SystemProfile> profiles) {
        SystemProfile from = profiles.apply(departing);
        SystemProfile to = profiles.apply(arriving);
        AixHost fromHost = aix.on(departing, origin);
        AixHost toHost = aix.on(arriving, origin);
        Optional<WparInfo> w = wpars(departing, origin).stream().filter(x -> wpar.equals(x.name())).findFirst();
        List<WparInfo> there = wpars(arriving, origin);
        List<WparNetwork> ours = network(departing, origin).stream().filter(n -> wpar.equals(n.name())).toList();
        List<WparNetwork> theirs = network(arriving, origin);
        String hostname = w.map(WparInfo::hostname).orElse(wpar);
        Optional<WparInfo> sameName = there.stream().filter(x -> wpar.equals(x.name())).findFirst();
        Optional<WparInfo> sameHostname = there.stream().filter(x -> hostname.equals(x.hostname())).findFirst();
        List<String> addressesTaken = ours.stream().flatMap(n -> theirs.stream()
                .filter(t -> t.address().equals(n.address())).map(t -> n.address() + " (WPAR " + t.name() + ")"))
                .toList();
        List<String> baseMissing = BASE_FILESETS.stream().filter(f -> !to.filesets().containsKey(f)).toList();
        List<String> mcrMissing = new ArrayList<>();
        if (!from.filesets().containsKey(MCR)) {
            mcrMissing.add(departing);
        }
        if (!to.filesets().containsKey(MCR)) {
            mcrMissing.add(arriving);
        }
        List<String> ntpOff = new ArrayList<>();
        if (!from.ntpActive()) {
            ntpOff.add(departing);
        }
        if (!to.ntpActive()) {
            ntpOff.add(arriving);
        }
        boolean checkpointable = w.map(x -> "yes".equals(x.fields().get("checkpointable"))).orElse(false);
        boolean liveCandidate = checkpointable && w.map(x -> x.state() == WparState.ACTIVE).orElse(false);

        Map<String, Object> facts = new HashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        Set<String> notChecked = new java.util.LinkedHashSet<>();
        facts.put("processorTypeMatch", eq(from.processorType(), to.processorType()));
        details.put("processor-type", pair(from.processorType(), departing, to.processorType(), arriving));
        facts.put("processorModeMatch", eq(from.processorMode(), to.processorMode()));
        details.put("processor-mode", from.processorMode() == null || to.processorMode() == null
                ? "no Processor Implementation Mode in prtconf" + (from.processorMode() == null ? " on " + departing : "")
                        + (to.processorMode() == null ? " on " + arriving : "")
                : pair(from.processorMode(), departing, to.processorMode(), arriving));
        if (from.processorMode() == null || to.processorMode() == null) {
            notChecked.add("processor-mode");
        }
        facts.put("osLevelMatch", eq(from.osLevel(), to.osLevel()));
        details.put("os-level", pair(from.osLevel(), departing, to.osLevel(), arriving));
        String fromTl = from.osLevel().substring(0, 7);
        String toTl = to.osLevel().substring(0, 7);
        facts.put("technologyLevelMatch", fromTl.equals(toTl));
        details.put("technology-level", pair(fromTl, departing, toTl, arriving));
        facts.put("baseFilesetsOnArrival", baseMissing.isEmpty());
        details.put("filesets", baseMissing.isEmpty()
                ? BASE_FILESETS.stream().map(f -> f + " " + to.filesets().get(f)).collect(Collectors.joining(", "))
                        + " on " + arriving
                : String.join(", ", baseMissing) + " missing on " + arriving);
        facts.put("mcrOnBoth", mcrMissing.isEmpty());
        details.put(MCR, mcrMissing.isEmpty()
                ? MCR + " " + pair(from.filesets().get(MCR), departing, to.filesets().get(MCR), arriving)
                : MCR + " missing on " + String.join(" and ", mcrMissing));

        // free space: the WPAR's logical volumes against the same volume groups on arrival
        List<WparMount> mounts = new ArrayList<>();
        Measured mountsRead = measure(() -> {
            mounts.addAll(fromHost.mounts(WparName.of(wpar)));
            return Measured.of("");
        }, "lswpar -M " + wpar + " on " + departing);
        Space space = mountsRead.measured() ? measureSpace(wpar, mounts, fromHost, toHost, departing, arriving)
                : new Space(0, 1, mountsRead);
        facts.put("targetFreeMb", (int) Math.min(Integer.MAX_VALUE, space.freeMb()));
        facts.put("requiredMb", (int) Math.min(Integer.MAX_VALUE, space.requiredMb()));
        put(details, notChecked, "free-space", space.measured());

        facts.put("targetMemoryMb", to.memoryMb() == null ? 0 : to.memoryMb().intValue());
        facts.put("departingMemoryMb", from.memoryMb() == null ? 0 : from.memoryMb().intValue());
        details.put("memory", pair(megabytes(from.memoryMb()), departing, megabytes(to.memoryMb()), arriving));

        // CPU and memory minimums: the running WPARs of the arriving LPAR plus this one, against 100 %
        Headroom headroom = measureHeadroom(wpar, there, fromHost, toHost, departing, arriving);
        facts.put("cpuMinimumSum", headroom.cpuSum().doubleValue());
        facts.put("memoryMinimumSum", headroom.memorySum().doubleValue());
        put(details, notChecked, "cpu-headroom", headroom.cpu());
        put(details, notChecked, "memory-headroom", headroom.memory());

        facts.put("ntpOnBoth", ntpOff.isEmpty());
        details.put("ntp", ntpOff.isEmpty() ? "xntpd active on " + departing + " and " + arriving
                : "xntpd not active on " + String.join(" and ", ntpOff));

        boolean[] interfacesPresent = {false};
        put(details, notChecked, "interfaces", measure(() -> {
            Interfaces m = interfaces(ours, toHost, arriving);
            interfacesPresent[0] = m.present();
            return Measured.of(m.detail());
        }, "ifconfig -a / netstat -in on " + arriving));
        facts.put("interfacesPresent", interfacesPresent[0] && !notChecked.contains("interfaces"));

        List<WparMount> nfs = mounts.stream().filter(m -> "nfs".equals(m.vfs())).toList();
        boolean[] nfsOk = {false, false};
        if (!mountsRead.measured()) {
            put(details, notChecked, "nfs-exports", mountsRead);
            put(details, notChecked, "nfs-mount", mountsRead);
        } else {
            put(details, notChecked, "nfs-exports", measure(() -> {
                Nfs m = nfsExports(nfs, to, toHost, arriving);
                nfsOk[0] = m.ok();
                return Measured.of(m.detail());
            }, "showmount -e from " + arriving));
            put(details, notChecked, "nfs-mount", measure(() -> {
                Nfs m = testMounts(wpar, nfs, liveCandidate, toHost, arriving);
                nfsOk[1] = m.ok();
                return Measured.of(m.detail());
            }, "test mount on " + arriving));
        }
        facts.put("nfsReachable", nfsOk[0] && !notChecked.contains("nfs-exports"));
        facts.put("nfsMountable", nfsOk[1] && !notChecked.contains("nfs-mount"));

        boolean[] devicesOk = {false};
        put(details, notChecked, "devices", measure(() -> {
            Nfs m = devices(wpar, w, fromHost, toHost, departing, arriving);
            devicesOk[0] = m.ok();
            return Measured.of(m.detail());
        }, "lswpar -D " + wpar + " on " + departing + " / lsdev -C on " + arriving));
        facts.put("devicesPresent", devicesOk[0] && !notChecked.contains("devices"));

        facts.put("nameFree", sameName.isEmpty());
        details.put("name-free", sameName.map(x -> "WPAR " + wpar + " exists on " + arriving + " (" + x.state().word()
                + ")").orElse("no WPAR " + wpar + " on " + arriving));
        facts.put("hostnameFree", sameHostname.isEmpty());
        details.put("hostname-free", sameHostname.map(x -> "hostname " + hostname + " used by WPAR " + x.name()
                + " on " + arriving).orElse("hostname " + hostname + " unused on " + arriving));
        facts.put("addressFree", addressesTaken.isEmpty());
        details.put("address-free", addressesTaken.isEmpty()
                ? (ours.isEmpty() ? "no address" : ours.stream().map(WparNetwork::address).distinct()
                        .collect(Collectors.joining(", "))) + " unused on " + arriving
                : String.join(", ", addressesTaken) + " used on " + arriving);
        facts.put("checkpointable", checkpointable);
        details.put("checkpointable", w.isEmpty() ? "WPAR " + wpar + " not found on " + departing
                : wpar + (checkpointable ? " is checkpointable" : " is not checkpointable (mkwpar -c)"));

        // user-defined checks: each one its own row; the decision table says what a failed one means
        Map<String, UserCheckRun> userRuns = runUserChecks(wpar, departing, arriving, fromHost, toHost);
        facts.put("userChecksPassed", userRuns.values().stream().allMatch(UserCheckRun::passed));
        if (userRuns.isEmpty()) {
            details.put(USER_CHECKS, userChecks.userChecks().isEmpty()
                    ? "none configured (wparflow.relocation.user-checks)"
                    : "none applies to " + wpar);
        }
        userRuns.forEach((name, run) -> details.put("user:" + name, run.detail()));

        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : decisions.evaluateDecisionTableByKey(DECISION,
                Variables.fromMap(facts)).getResultList()) {
            String check = (String) row.get("check");
            String rule = (String) row.get("message");
            String mode = (String) row.get("mode");
            String severity = (String) row.get("severity");
            if (notChecked.contains(check)) {
                continue; // the not-checked finding below stands for it
            }
            if (USER_CHECKS.equals(check)) {
                userRuns.forEach((name, run) -> {
                    if (!run.passed()) {
                        findings.add(new Finding("user:" + name, mode, severity, run.detail(), rule));
                    }
                });
                continue;
            }
            findings.add(new Finding(check, mode, severity, details.getOrDefault(check, rule), rule));
        }
        notChecked.forEach(c -> findings.add(new Finding(c, "both", "FAIL", details.get(c), NOT_CHECKED_RULE)));
        List<CheckResult> checks = new ArrayList<>();
        details.forEach((check, detail) -> checks.add(new CheckResult(check, detail, !notChecked.contains(check),
                findings.stream().filter(f -> check.equals(f.check())).toList())));
        // a row an administrator added for a check of their own
        findings.stream().map(Finding::check).distinct().filter(c -> !details.containsKey(c)).forEach(c -> checks.add(
                new CheckResult(c, "", true, findings.stream().filter(f -> c.equals(f.check())).toList())));
        boolean staticOk = findings.stream().noneMatch(f -> blocks(f, "static"));
        boolean liveOk = findings.stream().noneMatch(f -> blocks(f, "live"));
        return new Report(facts, checks, findings, staticOk, liveOk);
    }

    private static void put(Map<String, String> details, Set<String> notChecked, String check, Measured m) {
        details.put(check, m.detail());
        if (!m.measured()) {
            notChecked.add(check);
        }
    }

    /** Runs a measurement; a command that fails or prints what no parser knows makes the check "not checked". */
    private static Measured measure(java.util.function.Supplier<Measured> measurement, String what) {
        try {
            return measurement.get();
        } catch (AixCommandException | UnexpectedOutputException | InvalidArgumentException e) {
            return Measured.notChecked(what + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    // ---------------------------------------------------------------- interfaces

    private record Interfaces(boolean present, String detail) {
    }

    /**
     * The interfaces the WPAR's network uses (lswpar -N on departure) against those of the arriving global
     * environment, a name mapped interface (Redbook 7.12) resolved through the arriving system's /etc/wpars/devmap.
     */
    private static Interfaces interfaces(List<WparNetwork> ours, AixHost toHost, String arriving) {
        List<String> used = ours.stream().map(WparNetwork::interfaceName).filter(i -> i != null && !i.isBlank())
                .distinct().toList();
        if (used.isEmpty()) {
            return new Interfaces(true, "the WPAR has no network interface (lswpar -N)");
        }
        List<String> have = toHost.interfaceNames();
        Map<String, String> devmap = toHost.interfaceMap();
        List<String> missing = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        for (String i : used) {
            String physical = devmap.getOrDefault(i, i);
            uses.add(physical.equals(i) ? i : i + " (" + physical + " in /etc/wpars/devmap on " + arriving + ")");
            if (!have.contains(physical)) {
                missing.add(physical);
            }
        }
        String detail = "arriving " + arriving + " has " + String.join(", ", have) + "; the WPAR's network uses "
                + String.join(", ", uses) + (missing.isEmpty() ? "" : "; " + String.join(", ", missing) + " missing");
        return new Interfaces(missing.isEmpty(), detail);
    }

    // ---------------------------------------------------------------- NFS

    private record Nfs(boolean ok, String detail) {
    }

    /** Each NFS file system of the WPAR: is its directory exported to the arriving system ({@code showmount -e})? */
    private static Nfs nfsExports(List<WparMount> nfs, SystemProfile to, AixHost toHost, String arriving) {
        if (nfs.isEmpty()) {
            return new Nfs(true, "the WPAR has no NFS file system (lswpar -M)");
        }
        List<String> names = new ArrayList<>(List.of(arriving));
        if (to.hostname() != null) {
            names.add(to.hostname());
        }
        if (to.address() != null) {
            names.add(to.address());
        }
        Map<String, List<NfsExports.Export>> byServer = new TreeMap<>();
        // directories with the same verdict from the same server on one line: SERVER:/a, /b exported to ...
        Map<String, List<String>> verdicts = new LinkedHashMap<>();
        boolean ok = true;
        for (WparMount m : nfs) {
            List<NfsExports.Export> exports = byServer.computeIfAbsent(m.nodename(),
                    server -> toHost.nfsExportsOf(HostName.of(server)));
            Optional<NfsExports.Export> export = exports.stream().filter(e -> e.covers(m.device()))
                    .max(java.util.Comparator.comparingInt(e -> e.directory().length()));
            String verdict;
            if (export.isEmpty()) {
                ok = false;
                verdict = "not exported (" + m.nodename() + " exports "
                        + exports.stream().map(NfsExports.Export::directory).collect(Collectors.joining(", ")) + ")";
            } else if (!export.get().allows(names)) {
                ok = false;
                verdict = "exported to " + String.join(", ", export.get().clients()) + ", not to " + arriving;
            } else {
                verdict = "exported to " + (export.get().everyone() ? "everyone" : arriving);
            }
            verdicts.computeIfAbsent(m.nodename() + "\u0000" + verdict, k -> new ArrayList<>()).add(m.device());
        }
        List<String> parts = new ArrayList<>();
        verdicts.forEach((key, dirs) -> {
            int cut = key.indexOf('\u0000');
            parts.add(key.substring(0, cut) + ":" + String.join(", ", dirs) + " " + key.substring(cut + 1));
        });
        return new Nfs(ok, String.join("; ", parts) + " (showmount -e from " + arriving + ")");
    }

    /** For a WPAR that could move live: a read-only test mount of each NFS directory on the arriving system. */
    private static Nfs testMounts(String wpar, List<WparMount> nfs, boolean liveCandidate, AixHost toHost,
            String arriving) {
        if (nfs.isEmpty()) {
            return new Nfs(true, "the WPAR has no NFS file system (lswpar -M)");
        }
        if (!liveCandidate) {
            return new Nfs(true, "no test mount: " + wpar + " cannot move live (not Active and checkpointable)");
        }
        AbsolutePath scratch = AbsolutePath.of("/tmp/wparflow-nfscheck." + wpar);
        List<String> parts = new ArrayList<>();
        Map<String, List<String>> mounted = new LinkedHashMap<>();
        boolean ok = true;
        for (WparMount m : nfs) {
            String refused = toHost.testMount(HostName.of(m.nodename()), AbsolutePath.of(m.device()), scratch);
            if (refused != null) {
                ok = false;
                parts.add(m.nodename() + ":" + m.device() + " not mountable on " + arriving + " (" + refused + ")");
            } else {
                mounted.computeIfAbsent(m.nodename(), k -> new ArrayList<>()).add(m.device());
            }
        }
        mounted.forEach((server, dirs) -> parts.add(server + ":" + String.join(", ", dirs) + " mounted read-only on "
                + arriving));
        return new Nfs(ok, String.join("; ", parts));
    }

    // ---------------------------------------------------------------- space

    private record Space(long freeMb, long requiredMb, Measured measured) {
    }

    /**
     * The WPAR's logical volumes (lswpar -M devices, sized by {@code lsvg -l} PPs × PP size on departure, the sizes
     * restwpar recreates from image.data) per volume group, against the free space of the same volume group on
     * arrival; the volume group with the least room left decides.
     */
    private static Space measureSpace(String wpar, List<WparMount> mounts, AixHost fromHost, AixHost toHost,
            String departing, String arriving) {
        try {
            List<String> lvs = mounts.stream().filter(m -> "jfs2".equals(m.vfs()) && m.device() != null
                    && m.device().startsWith("/dev/")).map(m -> m.device().substring(5)).toList();
            if (lvs.isEmpty()) {
                Lvm.VolumeGroup rootvg = toHost.volumeGroup(VolumeGroupName.of("rootvg")).value();
                return new Space(rootvg.freeMegabytes(), 0, Measured.of("the WPAR has no local file system (lswpar -M):"
                        + " nothing to restore into a volume group"));
            }
            Map<String, Long> need = new LinkedHashMap<>();
            Map<String, Integer> count = new LinkedHashMap<>();
            for (String vg : fromHost.volumeGroupNames()) {
                VolumeGroupName name = VolumeGroupName.of(vg);
                long pp = fromHost.volumeGroup(name).value().ppSizeMb();
                for (Lvm.LogicalVolume lv : fromHost.logicalVolumes(name)) {
                    if (lvs.contains(lv.name())) {
                        need.merge(vg, lv.pps() * pp, Long::sum);
                        count.merge(vg, 1, Integer::sum);
                    }
                }
            }
            int found = count.values().stream().mapToInt(Integer::intValue).sum();
            if (found < lvs.size()) {
                return new Space(0, 1, Measured.notChecked("lsvg -l on " + departing + " lists " + found + " of "
                        + wpar + "'s " + lvs.size() + " logical volumes (" + String.join(", ", lvs) + ")"));
            }
            List<String> parts = new ArrayList<>();
            long worstFree = Long.MAX_VALUE;
            long worstNeed = 0;
            for (Map.Entry<String, Long> e : need.entrySet()) {
                AixResult<Lvm.VolumeGroup> vg = toHost.volumeGroup(VolumeGroupName.of(e.getKey()));
                long free = vg.isOk() ? vg.value().freeMegabytes() : 0;
                parts.add(e.getKey() + ": " + wpar + " uses " + e.getValue() + " MB (" + count.get(e.getKey())
                        + " logical volumes) on " + departing + ", " + (vg.isOk() ? free + " MB free on " + arriving
                                : "no volume group " + e.getKey() + " on " + arriving));
                if (free - e.getValue() < worstFree - worstNeed) {
                    worstFree = free;
                    worstNeed = e.getValue();
                }
            }
            return new Space(worstFree, worstNeed, Measured.of(String.join("; ", parts)));
        } catch (AixCommandException | UnexpectedOutputException | java.util.NoSuchElementException e) {
            return new Space(0, 1, Measured.notChecked("lsvg on " + departing + " or " + arriving + ": "
                    + firstLine(e.getMessage())));
        }
    }

    // ---------------------------------------------------------------- CPU and memory

    private record Headroom(BigDecimal cpuSum, BigDecimal memorySum, Measured cpu, Measured memory) {
    }

    /** "The sum of minimum percentage for all running WPARs must not exceed 100" (RB:11177), CPU and memory. */
    private static Headroom measureHeadroom(String wpar, List<WparInfo> there, AixHost fromHost, AixHost toHost,
            String departing, String arriving) {
        try {
            ResourceControls mine = fromHost.resourceControls(List.of(WparName.of(wpar))).get(wpar);
            if (mine == null) {
                throw new java.util.NoSuchElementException("lswpar -R lists no " + wpar);
            }
            Map<String, ResourceControls> theirs = toHost.resourceControls(List.of());
            List<String> running = there.stream().filter(x -> RUNNING.contains(x.state())).map(WparInfo::name)
                    .filter(theirs::containsKey).toList();
            BigDecimal cpu = minimum(mine.cpu());
            BigDecimal memory = minimum(mine.memory());
            BigDecimal cpuThere = BigDecimal.ZERO;
            BigDecimal memoryThere = BigDecimal.ZERO;
            for (String n : running) {
                ResourceControls r = theirs.get(n);
                if (r.active() == null || r.active()) {
                    cpuThere = cpuThere.add(minimum(r.cpu()));
                    memoryThere = memoryThere.add(minimum(r.memory()));
                }
            }
            String who = running.isEmpty() ? "no running WPAR"
                    : running.size() + (running.size() == 1 ? " running WPAR" : " running WPARs");
            return new Headroom(cpu.add(cpuThere), memory.add(memoryThere),
                    Measured.of(sum("CPU", wpar, cpu, cpuThere, who, arriving)),
                    Measured.of(sum("memory", wpar, memory, memoryThere, who, arriving)));
        } catch (AixCommandException | UnexpectedOutputException | java.util.NoSuchElementException e) {
            Measured m = Measured.notChecked("lswpar -R on " + departing + " or " + arriving + ": "
                    + firstLine(e.getMessage()));
            return new Headroom(BigDecimal.valueOf(101), BigDecimal.valueOf(101), m, m);
        }
    }

    private static BigDecimal minimum(ResourceControls.Limits l) {
        return l == null || l.minimum() == null ? BigDecimal.ZERO : l.minimum();
    }

    private static String sum(String what, String wpar, BigDecimal mine, BigDecimal there, String who,
            String arriving) {
        return what + " minimums: " + wpar + " " + pct(mine) + " + " + pct(there) + " (" + who + " on " + arriving
                + ") = " + pct(mine.add(there)) + " of 100%";
    }

    private static String pct(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString() + "%";
    }

    // ---------------------------------------------------------------- devices

    /** The devices exported to the WPAR (lswpar -D), pseudo devices aside, configured on arrival (lsdev -C). */
    private static Nfs devices(String wpar, Optional<WparInfo> w, AixHost fromHost, AixHost toHost,
            String departing, String arriving) {
        if (w.isEmpty()) {
            return new Nfs(false, "WPAR " + wpar + " not found on " + departing);
        }
        List<Devices.Exported> exported = fromHost.exportedDevices(WparName.of(wpar)).stream()
                .filter(d -> wpar.equals(d.wpar()) && !d.pseudo()).toList();
        if (exported.isEmpty()) {
            return new Nfs(true, "only pseudo devices exported to " + wpar + " (lswpar -D)");
        }
        Set<String> have = toHost.configuredDevices();
        List<String> missing = exported.stream().map(Devices.Exported::lsdevName).filter(d -> !have.contains(d))
                .toList();
        String list = exported.stream().map(d -> d.lsdevName() + " (" + d.type() + ")")
                .collect(Collectors.joining(", "));
        return new Nfs(missing.isEmpty(), list + " exported to " + wpar + "; "
                + (missing.isEmpty() ? "all configured on " + arriving
                        : String.join(", ", missing) + " not configured on " + arriving + " (lsdev -C)"));
    }

    // ---------------------------------------------------------------- user-defined checks

    private record UserCheckRun(boolean passed, String detail) {
    }

    private Map<String, UserCheckRun> runUserChecks(String wpar, String departing, String arriving, AixHost fromHost,
            AixHost toHost) {
        Map<String, UserCheckRun> runs = new LinkedHashMap<>();
        for (UserCheckSettings.UserCheck c : userChecks.userChecks()) {
            if (!c.appliesTo(wpar)) {
                continue;
            }
            var command = c.command(WparName.of(wpar), HostName.of(departing), HostName.of(arriving));
            List<String> parts = new ArrayList<>();
            boolean passed = true;
            List<AixHost> sides = new ArrayList<>();
            if (c.side().departing()) {
                sides.add(fromHost);
            }
            if (c.side().arriving()) {
                sides.add(toHost);
            }
            for (AixHost side : sides) {
                UserChecks.Run run = side.runUserCheck(command);
                passed &= run.passed();
                String output = run.output();
                parts.add((run.passed() ? "passed" : "failed") + " on " + side.name() + " (exit " + run.exitStatus()
                        + (output.isEmpty() ? "" : ": " + output) + ")");
            }
            runs.put(c.name(), new UserCheckRun(passed, command.commandLine() + " " + String.join(", ", parts)));
        }
        return runs;
    }

    /** "6100-02-01-0847 on both" when equal, else each value with its system. */
    private static String pair(Object a, String aHost, Object b, String bHost) {
        String x = a == null ? "unknown" : a.toString();
        String y = b == null ? "unknown" : b.toString();
        return x.equals(y) ? x + " on " + aHost + " and " + bHost : x + " on " + aHost + ", " + y + " on " + bHost;
    }

    private static String megabytes(Long mb) {
        return mb == null ? null : mb + " MB";
    }

    private static boolean blocks(Finding f, String mode) {
        return "FAIL".equals(f.severity()) && (mode.equals(f.mode()) || "both".equals(f.mode()));
    }

    /** The report as a JSON string for wparflow_relocation.check_report. */
    public String toJson(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The report as the plain-text table the approval shows in a fixed-width font: one line per check, passed or
     * failed, in aligned columns CHECK, RESULT, DETAIL, then the verdict per mode.
     */
    public static String toTable(Report report) {
        int checkWidth = Math.max(5, report.checks().stream().mapToInt(c -> c.check().length()).max().orElse(0));
        int resultWidth = Math.max(6, report.checks().stream().mapToInt(c -> c.result().length()).max().orElse(0));
        String row = "%-" + checkWidth + "s  %-" + resultWidth + "s  %s%n";
        StringBuilder b = new StringBuilder(String.format(row, "CHECK", "RESULT", "DETAIL"));
        for (CheckResult c : report.checks()) {
            b.append(String.format(row, c.check(), c.result(), c.detail()).stripTrailing()).append('\n');
        }
        b.append("static: ").append(report.staticCompatible() ? "compatible" : "INCOMPATIBLE").append(", live: ")
                .append(report.liveCompatible() ? "compatible" : "INCOMPATIBLE").append('\n');
        return b.toString();
    }

    private List<WparInfo> wpars(String host, Origin origin) {
        return aix.on(host, origin).wpars(WPAR_FIELDS);
    }

    private List<WparNetwork> network(String host, Origin origin) {
        return aix.on(host, origin).networks(List.of());
    }

    private static boolean eq(Object a, Object b) {
        return a != null && a.equals(b);
    }
}
