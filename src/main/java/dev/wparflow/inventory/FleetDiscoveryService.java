package dev.wparflow.inventory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.Hmc;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.ManagedSystemName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Software;
import dev.wparflow.aix.SoftwareLevels;
import dev.wparflow.aix.SubsystemName;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;
import dev.wparflow.hmc.HmcPair;
import dev.wparflow.hmc.HmcSelector;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.SshException;

/**
 * Fleet discovery, the work behind FleetDiscoveryProcess. Through the HMCs: the managed systems and their
 * partitions; on each LPAR over SSH: WPARs ({@code lswpar -c}, {@code -N}, {@code -M}), {@code oslevel -s}, the
 * filesets of interest, {@code prtconf}, {@code lssrc -s xntpd}, {@code lsvg} / {@code lsvg VG}, and each system
 * WPAR's software levels against the global environment's ({@code lslpp -Lc}, {@code clogin NAME lslpp -l}). Every
 * command goes through {@link AixShell} (transcripts).
 *
 * <p>A host or HMC that cannot be reached, or answers with a failure, is data: its previous rows stay, it gets
 * last_error, and the run's results name it with the reason ({@link SshException}'s message, or the aix layer's
 * {@code AixFailure.describe()}). Anything else (a bug, the database) is thrown, so the job retries and ends in an
 * incident.
 */
@Service
public class FleetDiscoveryService {

    private static final Logger log = LoggerFactory.getLogger(FleetDiscoveryService.class);

    /** The filesets compatibility checks look at (Redbook 5.5, digest §4.2). */
    public static final List<String> FILESETS_OF_INTEREST = List.of("bos.rte", "bos.wpars", "bos.rte.libc", "mcr.rte");
    static final List<LswparField> WPAR_FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.HOSTNAME, LswparField.DIRECTORY, LswparField.CHECKPOINTABLE);

    private final FleetInventory inventory;
    private final HmcSelector hmcs;
    private final AixShell shell;
    private final InventoryRepository repo;
    private final DiscoveryRunRepository runs;
    private final WparSoftwareRepository software;
    private final Clock clock;

    public FleetDiscoveryService(FleetInventory inventory, HmcSelector hmcs, AixShell shell, InventoryRepository repo,
            DiscoveryRunRepository runs, WparSoftwareRepository software, Clock clock) {
        this.inventory = inventory;
        this.hmcs = hmcs;
        this.shell = shell;
        this.repo = repo;
        this.runs = runs;
        this.software = software;
        this.clock = clock;
    }

    /** What the HMC step found: systems asked, systems that failed, LPARs planned for the per-host step. */
    public record SystemsOutcome(int systems, int systemsFailed, int lpars) {
    }

    /** One host's outcome. */
    public record HostOutcome(String lpar, boolean ok, String reason, int wparCount) {
    }

    /** A failure reported by a host, as data (never leaves this class). */
    private static final class HostFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostFailure(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- step 1: HMCs

    /**
     * Starts the run (idempotent), asks each HMC pair for its managed systems and each system for its partitions,
     * and plans one host result per inventory LPAR.
     */
    public SystemsOutcome discoverManagedSystems(String runId, String startedBy, Origin origin) {
        runs.start(runId, startedBy, clock.instant());
        Inventory inv = inventory.current();
        runs.plan(runId, DiscoverySummary.SYSTEM, inv.managedSystems().stream().map(Inventory.ManagedSystem::name).toList());
        runs.plan(runId, DiscoverySummary.LPAR, inv.lpars().stream().map(Inventory.Lpar::name).toList());
        Map<List<String>, List<Inventory.ManagedSystem>> byPair = new LinkedHashMap<>();
        inv.managedSystems().forEach(s -> byPair.computeIfAbsent(s.hmcs(), k -> new ArrayList<>()).add(s));
        int failed = 0;
        for (Map.Entry<List<String>, List<Inventory.ManagedSystem>> e : byPair.entrySet()) {
            failed += discoverPair(runId, e.getKey(), e.getValue(), origin);
        }
        return new SystemsOutcome(inv.managedSystems().size(), failed, inv.lpars().size());
    }

    private int discoverPair(String runId, List<String> pairNames, List<Inventory.ManagedSystem> systems, Origin origin) {
        HmcPair pair = new HmcPair(systems.get(0).name(), pairNames.get(0), pairNames.size() > 1 ? pairNames.get(1) : null);
        String hmc;
        Map<String, Hmc.ManagedSystem> listed = new HashMap<>();
        try {
            hmc = hmcs.choose(pair);
            for (Hmc.ManagedSystem s : read(hmc, Hmc.listSystems(), Hmc::parseSystems, origin)) {
                listed.put(s.name(), s);
                repo.saveSystem(s.name(), s.state(), s.typeModel(), s.serialNumber(), hmc, clock.instant());
            }
        } catch (SshException | HostFailure e) {
            String reason = "HMC " + String.join("/", pairNames) + ": " + e.getMessage();
            log.warn("discovery {}: managed systems {} not discovered: {}", runId,
                    systems.stream().map(Inventory.ManagedSystem::name).toList(), reason);
            for (Inventory.ManagedSystem s : systems) {
                repo.systemFailed(s.name(), reason, clock.instant());
                runs.result(runId, DiscoverySummary.SYSTEM, s.name(), false, reason, null, clock.instant());
            }
            return systems.size();
        }
        int failed = 0;
        for (Inventory.ManagedSystem s : systems) {
            String reason = null;
            if (!listed.containsKey(s.name())) {
                reason = "HMC " + hmc + " does not list managed system " + s.name();
            } else {
                try {
                    for (Hmc.Lpar l : read(hmc, Hmc.listLpars(ManagedSystemName.of(s.name()), List.of()), Hmc::parseLpars,
                            origin)) {
                        repo.saveHmcLpar(l.name(), s.name(), l.lparId(), l.state(), l.environment(), l.osVersion(),
                                clock.instant());
                    }
                } catch (SshException | HostFailure e) {
                    reason = "HMC " + hmc + ": " + e.getMessage();
                }
            }
            if (reason != null) {
                failed++;
                repo.systemFailed(s.name(), reason, clock.instant());
            }
            runs.result(runId, DiscoverySummary.SYSTEM, s.name(), reason == null, reason, null, clock.instant());
        }
        return failed;
    }

    /** The LPARs the run planned, in name order: the multi-instance collection. */
    public List<String> lparsToScan(String runId) {
        return runs.planned(runId, DiscoverySummary.LPAR);
    }

    // ---------------------------------------------------------------- step 2: each LPAR

    public HostOutcome discoverLpar(String runId, String lpar, Origin origin) {
        Optional<Inventory.Lpar> entry = inventory.current().lpar(lpar);
        String reason;
        if (entry.isEmpty()) {
            reason = lpar + " is no longer in the inventory";
        } else {
            try {
                LparScan scan = scan(entry.get(), origin);
                repo.saveScan(scan, clock.instant());
                software.saveLpar(lpar, softwareLevels(lpar, scan, origin));
                runs.result(runId, DiscoverySummary.LPAR, lpar, true, null, scan.wpars().size(), clock.instant());
                return new HostOutcome(lpar, true, null, scan.wpars().size());
            } catch (SshException | HostFailure e) {
                reason = e.getMessage();
            }
            repo.lparFailed(lpar, entry.get().managedSystem(), reason, clock.instant());
        }
        log.warn("discovery {}: {} not discovered: {}", runId, lpar, reason);
        runs.result(runId, DiscoverySummary.LPAR, lpar, false, reason, null, clock.instant());
        return new HostOutcome(lpar, false, reason, 0);
    }

    /**
     * Reads one LPAR again outside a discovery run (after an operation changed it) and stores what it found; a host
     * that cannot be read is an exception. An LPAR the inventory file does not list (a host known by its SSH endpoint
     * only) keeps the managed system the last discovery recorded.
     */
    public int refreshLpar(String lpar, Origin origin) {
        Inventory.Lpar entry = inventory.current().lpar(lpar).orElseGet(() -> new Inventory.Lpar(lpar, null, 0, null,
                repo.lpar(lpar).map(LparProfile::managedSystem).orElse(null)));
        LparScan scan = scan(entry, origin);
        repo.saveScan(scan, clock.instant());
        return scan.wpars().size();
    }

    /** Everything wparflow wants to know about one host, read over SSH. */
    LparScan scan(Inventory.Lpar lpar, Origin origin) {
        String host = lpar.name();
        List<WparInfo> wpars = read(host, Lswpar.delimited(WPAR_FIELDS, true, null, List.of()),
                out -> Lswpar.parseDelimited(out, WPAR_FIELDS), origin);
        Map<String, WparNetwork> network = new HashMap<>();
        Map<String, boolean[]> fsKinds = new HashMap<>();
        if (!wpars.isEmpty()) {
            for (WparNetwork n : read(host, Lswpar.network(List.of()), Lswpar::parseNetwork, origin)) {
                network.putIfAbsent(n.name(), n);
            }
            for (WparMount m : read(host, Lswpar.mounts(List.of()), Lswpar::parseMounts, origin)) {
                boolean[] k = fsKinds.computeIfAbsent(m.name(), x -> new boolean[2]);
                // local: a file system on this LPAR's disks (jfs2, jfs), what keeps a WPAR from moving (0960-100);
                // namefs (the global /usr and /opt shared read-only) is neither
                if ("nfs".equalsIgnoreCase(m.vfs())) {
                    k[1] = true;
                } else if ("jfs2".equalsIgnoreCase(m.vfs()) || "jfs".equalsIgnoreCase(m.vfs())) {
                    k[0] = true;
                }
            }
        }
        Map<String, java.math.BigDecimal> cpuMinimums = cpuMinimums(host, wpars, origin);
        String oslevel = read(host, SystemInfo.oslevel(), SystemInfo::parseOslevel, origin).toString();
        Map<String, String> filesets = filesets(host, origin);
        SystemInfo.Prtconf prtconf = read(host, SystemInfo.prtconf(), SystemInfo::parsePrtconf, origin);
        Boolean ntp = ntpActive(host, origin);
        List<VolumeGroupRecord> vgs = new ArrayList<>();
        for (String vg : read(host, Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames, origin)) {
            Lvm.VolumeGroup v = read(host, Lvm.volumeGroup(VolumeGroupName.of(vg)), Lvm::parseVolumeGroup, origin);
            vgs.add(new VolumeGroupRecord(vg, v.ppSizeMb(), v.totalPps(), v.freePps()));
        }
        List<LparScan.Wpar> rows = new ArrayList<>();
        for (WparInfo w : wpars) {
            WparNetwork n = network.get(w.name());
            boolean[] k = fsKinds.getOrDefault(w.name(), new boolean[2]);
            String cp = w.fields().get(LswparField.CHECKPOINTABLE.fieldName());
            rows.add(new LparScan.Wpar(w.name(), w.type().name(), w.state().name(), emptyToNull(w.hostname()),
                    n == null ? null : emptyToNull(n.address()), n == null ? null : emptyToNull(n.interfaceName()),
                    emptyToNull(w.directory()), cp == null || cp.isEmpty() ? null : cp.equalsIgnoreCase("yes"), k[0],
                    k[1], cpuMinimums.get(w.name())));
        }
        return new LparScan(host, lpar.managedSystem(), oslevel, prtconf.processorType(), prtconf.numberOfProcessors(),
                prtconf.memoryMb(), ntp, List.of(), filesets, vgs, rows);
    }

    /**
     * Each system WPAR's software levels against the global environment's (Redbook 4.3.2: a WPAR not synchronized
     * after an install in the global environment is inconsistent): the global {@code lslpp -Lc}, then for each
     * Active system WPAR {@code clogin NAME lslpp -l}. A WPAR that is not Active cannot be logged in to, and one whose
     * levels cannot be read is "not checked" with the reason, never "in sync"; a global read that fails leaves every
     * WPAR not checked. It never fails the host's discovery.
     */
    List<WparSoftwareStatus> softwareLevels(String host, LparScan scan, Origin origin) {
        java.time.Instant at = clock.instant();
        List<LparScan.Wpar> system = scan.wpars().stream().filter(w -> !"APPLICATION".equals(w.type())).toList();
        List<WparSoftwareStatus> out = new ArrayList<>();
        if (system.isEmpty()) {
            return out;
        }
        Map<String, String> kinds = new HashMap<>();
        SoftwareLevels global;
        try {
            global = read(host, Software.lslppAll(), SoftwareLevels::parseLslppLc, origin);
            for (WparInfo w : read(host, Lswpar.delimited(SOFTWARE_FIELDS, true, null, List.of()),
                    o -> Lswpar.parseDelimited(o, SOFTWARE_FIELDS), origin)) {
                kinds.put(w.name(), "yes".equalsIgnoreCase(w.fields().get(LswparField.PRIVATEUSR.fieldName()))
                        ? "DETACHED" : "SHARED");
            }
        } catch (HostFailure | dev.wparflow.aix.UnexpectedOutputException e) {
            for (LparScan.Wpar w : system) {
                out.add(new WparSoftwareStatus(host, w.name(), null, null, "not checked: the global environment's"
                        + " levels could not be read: " + e.getMessage(), at, List.of()));
            }
            return out;
        }
        for (LparScan.Wpar w : system) {
            String kind = kinds.get(w.name());
            if (!"ACTIVE".equals(w.state())) {
                out.add(new WparSoftwareStatus(host, w.name(), kind, null, "not checked: " + w.name() + " is "
                        + WparState.valueOf(w.state()).word() + "; its levels can be read through clogin only while"
                        + " it is Active", at, List.of()));
                continue;
            }
            AixResult<SoftwareLevels> levels = AixOutcomes.interpret(
                    shell.read(host, Software.lslppInside(WparName.of(w.name())), origin),
                    SoftwareLevels::parseLslppL);
            if (!levels.isOk()) {
                out.add(new WparSoftwareStatus(host, w.name(), kind, null, "not checked: "
                        + levels.failure().describe(), at, List.of()));
                continue;
            }
            List<WparSoftwareStatus.Drifting> drift = levels.value().driftFrom(global).stream()
                    .map(d -> new WparSoftwareStatus.Drifting(d.fileset(), d.globalLevel(), d.wparLevel(),
                            d.part().name()))
                    .toList();
            out.add(new WparSoftwareStatus(host, w.name(), kind, drift.isEmpty(), null, at, drift));
        }
        return out;
    }

    static final List<LswparField> SOFTWARE_FIELDS = List.of(LswparField.NAME, LswparField.PRIVATEUSR);

    /**
     * The CPU minimum of each WPAR ({@code lswpar -R}, Redbook 8), for the start contracts' check of chapter 8's 100 %
     * before any host is asked. Output this level of AIX prints differently leaves them unknown, not the scan failed.
     */
    private Map<String, java.math.BigDecimal> cpuMinimums(String host, List<WparInfo> wpars, Origin origin) {
        Map<String, java.math.BigDecimal> minimums = new HashMap<>();
        if (wpars.isEmpty()) {
            return minimums;
        }
        try {
            read(host, Lswpar.resources(List.of()), Lswpar::parseResources, origin)
                    .forEach((name, rc) -> minimums.put(name, rc.cpuMinimum()));
        } catch (dev.wparflow.aix.UnexpectedOutputException e) {
            log.warn("discovery: lswpar -R on {} not understood, CPU minimums unknown: {}", host, e.getMessage());
        }
        return minimums;
    }

    /** {@code lslpp -Lc} of the filesets of interest; lslpp exits 1 when one is not installed, the others still print. */
    private Map<String, String> filesets(String host, Origin origin) {
        AixCommand cmd = SystemInfo.lslpp(FILESETS_OF_INTEREST.stream().map(FilesetName::of).toList());
        CommandResult r = shell.read(host, cmd, origin);
        boolean onlyMissing = r.exitStatus() == 1 && r.stderr() != null && r.stderr().lines()
                .filter(l -> !l.isBlank()).allMatch(l -> l.contains("not installed"));
        if (r.exitStatus() != 0 && !onlyMissing) {
            throw new HostFailure(AixOutcomes.classify(r).describe());
        }
        Map<String, String> levels = new LinkedHashMap<>();
        AixResult<List<SystemInfo.Fileset>> parsed = AixOutcomes.interpret(
                new CommandResult(r.host(), r.command(), 0, r.stdout(), "", r.duration()), SystemInfo::parseLslpp);
        if (!parsed.isOk()) {
            throw new HostFailure(parsed.failure().describe());
        }
        for (SystemInfo.Fileset f : parsed.value()) {
            if (FILESETS_OF_INTEREST.contains(f.fileset())) {
                levels.put(f.fileset(), f.level());
            }
        }
        return levels;
    }

    /** {@code lssrc -s xntpd}: active or not; a subsystem that is not on file (0513-085) is not active. */
    private Boolean ntpActive(String host, Origin origin) {
        CommandResult r = shell.read(host, SystemInfo.lssrc(SubsystemName.of("xntpd")), origin);
        if (r.exitStatus() != 0) {
            String all = (r.stderr() == null ? "" : r.stderr()) + (r.stdout() == null ? "" : r.stdout());
            if (all.contains("0513-085") || all.contains("not on file")) {
                return false;
            }
            throw new HostFailure(AixOutcomes.classify(r).describe());
        }
        AixResult<List<SystemInfo.Subsystem>> subs = AixOutcomes.interpret(r, SystemInfo::parseLssrc);
        if (!subs.isOk()) {
            throw new HostFailure(subs.failure().describe());
        }
        return subs.value().stream().anyMatch(SystemInfo.Subsystem::isActive);
    }

    private <T> T read(String host, AixCommand command, Function<String, T> parser, Origin origin) {
        AixResult<T> r = AixOutcomes.interpret(shell.read(host, command, origin), parser);
        if (!r.isOk()) {
            throw new HostFailure(r.failure().describe());
        }
        return r.value();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---------------------------------------------------------------- step 3: summary

    public DiscoverySummary summarize(String runId) {
        DiscoverySummary s = runs.finish(runId, clock.instant());
        log.info("discovery {}: {} of {} hosts discovered, {} failed, {} WPARs; managed systems {} ({} failed)", runId,
                s.hostsOk(), s.hostsTotal(), s.hostsFailed(), s.wparCount(), s.systemsTotal(), s.systemsFailed());
        return s;
    }

    public Optional<DiscoverySummary> summary(String runId) {
        return runs.summary(runId);
    }

    public Optional<DiscoverySummary> latest() {
        return runs.latest();
    }
}
