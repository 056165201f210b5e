package dev.wparflow.process.relocation.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.SubsystemName;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparNetwork;

/**
 * The compatibility checks of Redbook 5.5 (digest §4), which have no CLI ("the API ... is not available from the
 * CLI", RB:4739), emulated with commands: collect a profile of each system (oslevel -s, lslpp -Lc, prtconf, lssrc
 * -s xntpd, lsvg) and the WPAR's facts (lswpar -c/-N on both sides), then let the decision table
 * {@code RelocationCompatibility} (processes/RelocationCompatibility.dmn, editable by an administrator) say which
 * checks fail for which mode. Only reads: nothing changes on any host.
 */
@Service
public class CompatibilityService {

    public static final String DECISION = "RelocationCompatibility";
    static final List<String> BASE_FILESETS = List.of("bos.rte", "bos.wpars", "bos.rte.libc");
    static final String MCR = "mcr.rte";
    /** Checks no command measures yet: the decision table gets them as passed, the table says ASSUMED. */
    static final Set<String> UNMEASURED = Set.of("interfaces", "nfs-exports");
    /** The estimated need of a system WPAR: four default jfs2 file systems of 128 MB. */
    static final int REQUIRED_MB = 512;
    private static final List<LswparField> WPAR_FIELDS = List.of(LswparField.NAME, LswparField.STATE,
            LswparField.TYPE, LswparField.HOSTNAME, LswparField.CHECKPOINTABLE);

    private final AixGateway aix;
    private final DecisionService decisions;
    private final ObjectMapper json = new ObjectMapper();

    public CompatibilityService(AixGateway aix, DecisionService decisions) {
        this.aix = aix;
        this.decisions = decisions;
    }

    /** What one system looks like for the checks: {@code filesets} maps each fileset asked for to its level. */
    public record SystemProfile(String host, String osLevel, String processorType, Long memoryMb,
            Map<String, String> filesets, boolean ntpActive, long rootvgFreeMb) {
    }

    /**
     * One row of the decision table: which check, for which mode, FAIL or WARN, {@code message} what exactly is wrong
     * on which system ("bos.rte.libc missing on lpar01"), {@code rule} the table's statement of the rule.
     */
    public record Finding(String check, String mode, String severity, String message, String rule) {
    }

    /**
     * One check as measured on both systems, with the decision table's findings for it (none: passed). A check with
     * no command behind it ({@code measured} false) is given to the table as passed and shown as ASSUMED.
     */
    public record CheckResult(String check, String detail, boolean measured, List<Finding> findings) {

        /** PASS (ASSUMED when not measured), or each finding's severity and mode ("FAIL live", "FAIL" for both). */
        public String result() {
            if (findings.isEmpty()) {
                return measured ? "PASS" : "ASSUMED";
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
        Lvm.VolumeGroup rootvg = aixHost.read(Lvm.volumeGroup(dev.wparflow.aix.VolumeGroupName.of("rootvg")),
                Lvm::parseVolumeGroup);
        return new SystemProfile(host, os.toString(), prtconf.processorType(), prtconf.memoryMb(), filesets,
                ntpActive, rootvg.freeMegabytes());
    }

    /**
     * Collects both profiles and the WPAR's facts and runs the decision table. Free space: the WPAR's file systems
     * are not sized by lswpar -c, so the need is estimated as the four default jfs2 file systems of a system WPAR
     * (4 x 128 MB, digest/simulator defaults) — a conservative floor, stated in the report.
     */
    public Report check(String wpar, String departing, String arriving, Origin origin) {
        SystemProfile from = profile(departing, origin);
        SystemProfile to = profile(arriving, origin);
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

        Map<String, Object> facts = new HashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        facts.put("processorTypeMatch", eq(from.processorType(), to.processorType()));
        details.put("processor-type", pair(from.processorType(), departing, to.processorType(), arriving));
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
        facts.put("targetFreeMb", (int) Math.min(Integer.MAX_VALUE, to.rootvgFreeMb()));
        facts.put("requiredMb", REQUIRED_MB);
        details.put("free-space", to.rootvgFreeMb() + " MB free in rootvg on " + arriving + ", " + REQUIRED_MB
                + " MB needed (estimated)");
        facts.put("targetMemoryMb", to.memoryMb() == null ? 0 : to.memoryMb().intValue());
        facts.put("departingMemoryMb", from.memoryMb() == null ? 0 : from.memoryMb().intValue());
        details.put("memory", pair(megabytes(from.memoryMb()), departing, megabytes(to.memoryMb()), arriving));
        facts.put("ntpOnBoth", ntpOff.isEmpty());
        details.put("ntp", ntpOff.isEmpty() ? "xntpd active on " + departing + " and " + arriving
                : "xntpd not active on " + String.join(" and ", ntpOff));
        // no command lists the global environment's interfaces in the simulator; treated as present and said so
        facts.put("interfacesPresent", true);
        details.put("interfaces", "not measured: taken as present on " + arriving);
        facts.put("nfsReachable", true);
        details.put("nfs-exports", "not measured: taken as reachable from " + arriving);
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

        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : decisions.evaluateDecisionTableByKey(DECISION,
                Variables.fromMap(facts)).getResultList()) {
            String check = (String) row.get("check");
            String rule = (String) row.get("message");
            findings.add(new Finding(check, (String) row.get("mode"), (String) row.get("severity"),
                    details.getOrDefault(check, rule), rule));
        }
        List<CheckResult> checks = new ArrayList<>();
        details.forEach((check, detail) -> checks.add(new CheckResult(check, detail, !UNMEASURED.contains(check),
                findings.stream().filter(f -> check.equals(f.check())).toList())));
        // a row an administrator added for a check of their own
        findings.stream().map(Finding::check).distinct().filter(c -> !details.containsKey(c)).forEach(c -> checks.add(
                new CheckResult(c, "", true, findings.stream().filter(f -> c.equals(f.check())).toList())));
        boolean staticOk = findings.stream().noneMatch(f -> blocks(f, "static"));
        boolean liveOk = findings.stream().noneMatch(f -> blocks(f, "live"));
        return new Report(facts, checks, findings, staticOk, liveOk);
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
