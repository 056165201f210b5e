package dev.wparflow.process.relocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.Lswpar;
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
    private static final List<LswparField> WPAR_FIELDS = List.of(LswparField.NAME, LswparField.STATE,
            LswparField.TYPE, LswparField.HOSTNAME, LswparField.CHECKPOINTABLE);

    private final AixShell shell;
    private final DecisionService decisions;
    private final ObjectMapper json = new ObjectMapper();

    public CompatibilityService(AixShell shell, DecisionService decisions) {
        this.shell = shell;
        this.decisions = decisions;
    }

    /** What one system looks like for the checks. */
    public record SystemProfile(String host, String osLevel, String processorType, Long memoryMb,
            Set<String> filesets, boolean ntpActive, long rootvgFreeMb) {
    }

    /** One finding of the decision table. */
    public record Finding(String check, String mode, String severity, String message) {
    }

    /** The facts, the findings and what they mean for each mode. */
    public record Report(Map<String, Object> facts, List<Finding> findings, boolean staticCompatible,
            boolean liveCompatible) {
    }

    public SystemProfile profile(String host, Origin origin) {
        SystemInfo.OsLevel os = ok(AixOutcomes.interpret(shell.read(host, SystemInfo.oslevel(), origin),
                SystemInfo::parseOslevel));
        List<FilesetName> wanted = new ArrayList<>();
        BASE_FILESETS.forEach(f -> wanted.add(FilesetName.of(f)));
        wanted.add(FilesetName.of(MCR));
        // lslpp exits non-zero when one of the filesets is missing (0504-132) but still lists the others
        String lslpp = shell.read(host, SystemInfo.lslpp(wanted), origin).stdout();
        Set<String> filesets = SystemInfo.parseLslpp(lslpp == null ? "" : lslpp).stream()
                .map(SystemInfo.Fileset::fileset).collect(Collectors.toSet());
        SystemInfo.Prtconf prtconf = ok(AixOutcomes.interpret(shell.read(host, SystemInfo.prtconf(), origin),
                SystemInfo::parsePrtconf));
        AixResult<List<SystemInfo.Subsystem>> ntp = AixOutcomes.interpret(
                shell.read(host, SystemInfo.lssrc(SubsystemName.of("xntpd")), origin), SystemInfo::parseLssrc);
        boolean ntpActive = ntp.isOk() && ntp.value().stream().anyMatch(SystemInfo.Subsystem::isActive);
        Lvm.VolumeGroup rootvg = ok(AixOutcomes.interpret(shell.read(host,
                Lvm.volumeGroup(dev.wparflow.aix.VolumeGroupName.of("rootvg")), origin), Lvm::parseVolumeGroup));
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
        Set<String> theirAddresses = network(arriving, origin).stream().map(WparNetwork::address)
                .collect(Collectors.toSet());
        String hostname = w.map(WparInfo::hostname).orElse(wpar);

        Map<String, Object> facts = new HashMap<>();
        facts.put("processorTypeMatch", eq(from.processorType(), to.processorType()));
        facts.put("osLevelMatch", eq(from.osLevel(), to.osLevel()));
        facts.put("technologyLevelMatch", from.osLevel().substring(0, 7).equals(to.osLevel().substring(0, 7)));
        facts.put("baseFilesetsOnArrival", to.filesets().containsAll(BASE_FILESETS));
        facts.put("mcrOnBoth", from.filesets().contains(MCR) && to.filesets().contains(MCR));
        facts.put("targetFreeMb", (int) Math.min(Integer.MAX_VALUE, to.rootvgFreeMb()));
        facts.put("requiredMb", 512);
        facts.put("targetMemoryMb", to.memoryMb() == null ? 0 : to.memoryMb().intValue());
        facts.put("departingMemoryMb", from.memoryMb() == null ? 0 : from.memoryMb().intValue());
        facts.put("ntpOnBoth", from.ntpActive() && to.ntpActive());
        // no command lists the global environment's interfaces in the simulator; treated as present and said so
        facts.put("interfacesPresent", true);
        facts.put("nfsReachable", true);
        facts.put("nameFree", there.stream().noneMatch(x -> wpar.equals(x.name())));
        facts.put("hostnameFree", there.stream().noneMatch(x -> hostname.equals(x.hostname())));
        facts.put("addressFree", ours.stream().noneMatch(n -> theirAddresses.contains(n.address())));
        facts.put("checkpointable", w.map(x -> "yes".equals(x.fields().get("checkpointable"))).orElse(false));

        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : decisions.evaluateDecisionTableByKey(DECISION,
                Variables.fromMap(facts)).getResultList()) {
            findings.add(new Finding((String) row.get("check"), (String) row.get("mode"), (String) row.get("severity"),
                    (String) row.get("message")));
        }
        boolean staticOk = findings.stream().noneMatch(f -> blocks(f, "static"));
        boolean liveOk = findings.stream().noneMatch(f -> blocks(f, "live"));
        return new Report(facts, findings, staticOk, liveOk);
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

    /** The report as the plain-text table the approval form shows. */
    public static String toTable(Report report) {
        StringBuilder b = new StringBuilder(String.format("%-18s %-7s %-8s %s%n", "CHECK", "MODE", "RESULT", "DETAIL"));
        for (Finding f : report.findings()) {
            b.append(String.format("%-18s %-7s %-8s %s%n", f.check(), f.mode(), f.severity(), f.message()));
        }
        if (report.findings().isEmpty()) {
            b.append("all checks passed\n");
        }
        b.append("static: ").append(report.staticCompatible() ? "compatible" : "INCOMPATIBLE").append(", live: ")
                .append(report.liveCompatible() ? "compatible" : "INCOMPATIBLE").append('\n');
        b.append("(interfaces and NFS exports are not checked yet; free space is estimated at 512 MB)\n");
        return b.toString();
    }

    private List<WparInfo> wpars(String host, Origin origin) {
        AixCommand c = Lswpar.delimited(WPAR_FIELDS, true, null, List.of());
        return ok(AixOutcomes.interpret(shell.read(host, c, origin), out -> Lswpar.parseDelimited(out, WPAR_FIELDS)));
    }

    private List<WparNetwork> network(String host, Origin origin) {
        return ok(AixOutcomes.interpret(shell.read(host, Lswpar.network(List.of()), origin), Lswpar::parseNetwork));
    }

    private static boolean eq(Object a, Object b) {
        return a != null && a.equals(b);
    }

    private static <T> T ok(AixResult<T> r) {
        if (r instanceof AixResult.Failed<T> f) {
            throw new RelocationStepException(f.failure().describe());
        }
        return r.value();
    }
}
