package dev.wparflow.process.preflight;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.CheckRun;
import dev.wparflow.aix.ConnectFailure;
import dev.wparflow.aix.HelperVersion;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.Nim;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.PreflightCheck;
import dev.wparflow.aix.PreflightChecks;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparflowRun;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;

/**
 * Preflight: on each host, with the production SSH settings and parsers, whether wparflow can drive it. The first
 * command connects (host key, authentication); a host that takes none is reported and checked no further. Then
 * {@code wparflow-run version} (not on HMCs) and every read-only check of the host's kind. Every outcome of a host is
 * a finding; only a fault of wparflow itself (its database) fails the step.
 */
@Service
public class PreflightService {

    public static final String LPAR = "LPAR";
    public static final String NIM_MASTER = "NIM_MASTER";
    public static final String HMC = "HMC";
    static final String CONNECT = "connect";

    private final AixGateway gateway;
    private final KnownHosts hosts;
    private final FleetInventory inventory;
    private final ImageCatalog catalog;
    private final PreflightResults results;
    private final Clock clock;
    private final Semaphore parallel;

    public PreflightService(AixGateway gateway, KnownHosts hosts, FleetInventory inventory, ImageCatalog catalog,
            PreflightResults results, Clock clock, PreflightSettings settings) {
        this.gateway = gateway;
        this.hosts = hosts;
        this.inventory = inventory;
        this.catalog = catalog;
        this.results = results;
        this.clock = clock;
        this.parallel = new Semaphore(settings.parallelHosts(), true);
    }

    /** Records the run and the hosts it checks: those selected, else every host the inventory knows. */
    public List<PreflightResults.PlannedHost> plan(String runId, String initiator, String selection) {
        List<String> names = PreflightSelection.parse(selection);
        List<PreflightResults.PlannedHost> planned = (names.isEmpty() ? allHosts() : names).stream()
                .map(h -> new PreflightResults.PlannedHost(h, kindOf(h))).toList();
        results.start(runId, initiator == null || initiator.isBlank() ? null : initiator, clock.instant(), planned);
        return results.planned(runId);
    }

    /** Every host wparflow can reach: the inventory's LPARs, NIM masters and HMCs and the configured endpoints. */
    public List<String> allHosts() {
        Set<String> all = new LinkedHashSet<>(hosts.names());
        Inventory inv = inventory.current();
        inv.hmcs().forEach(h -> all.add(h.name()));
        inv.nimMasters().forEach(n -> all.add(n.name()));
        all.addAll(hosts.configuredHmcs());
        return all.stream().sorted().toList();
    }

    String kindOf(String host) {
        Inventory inv = inventory.current();
        if (inv.hmc(host).isPresent() || hosts.configuredHmcs().contains(host)) {
            return HMC;
        }
        if (inv.nimMasters().stream().anyMatch(n -> n.name().equals(host))) {
            return NIM_MASTER;
        }
        return LPAR;
    }

    /** The hosts of the run, in name order: the multi-instance collection. */
    public List<String> plannedHosts(String runId) {
        return results.planned(runId).stream().map(PreflightResults.PlannedHost::host).toList();
    }

    /** Checks one host and keeps its findings; answers whether every check passed. */
    public boolean checkHost(String runId, String host, Origin origin) {
        String kind = results.planned(runId).stream().filter(p -> p.host().equals(host)).findFirst()
                .map(PreflightResults.PlannedHost::hostKind).orElseGet(() -> kindOf(host));
        parallel.acquireUninterruptibly();
        try {
            List<PreflightFinding> findings = new HostChecks(runId, host, kind, gateway.on(host, origin)).run();
            results.hostChecked(runId, host, findings, clock.instant());
            return findings.stream().allMatch(PreflightFinding::ok);
        } finally {
            parallel.release();
        }
    }

    /** Closes the run; answers how many of its hosts failed. */
    public int summarize(String runId) {
        return results.finish(runId, clock.instant());
    }

    /** The hosts wparflow knows that were never preflighted. */
    public List<String> neverPreflighted() {
        Set<String> checked = new java.util.HashSet<>();
        results.latest().forEach(r -> checked.add(r.host()));
        return allHosts().stream().filter(h -> !checked.contains(h)).toList();
    }

    /** The checks of one host, in order, each turned into a finding. */
    private final class HostChecks {

        private final String runId;
        private final String host;
        private final String kind;
        private final AixHost aix;
        private final List<PreflightFinding> findings = new ArrayList<>();
        private final Set<String> sent = new LinkedHashSet<>();
        private final List<Object> values = new ArrayList<>();
        private boolean connected;
        private boolean stopped;

        HostChecks(String runId, String host, String kind, AixHost aix) {
            this.runId = runId;
            this.host = host;
            this.kind = kind;
            this.aix = aix;
        }

        List<PreflightFinding> run() {
            switch (kind) {
                case HMC -> all(PreflightChecks.hmc());
                case NIM_MASTER -> {
                    helper();
                    all(PreflightChecks.nimMaster(List.of()));
                    all(PreflightChecks.nimMaster(wparMachines()));
                }
                default -> {
                    helper();
                    all(PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(List.of(), null)));
                    all(PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(wpars(), newestImage())));
                }
            }
            return findings;
        }

        private void helper() {
            CheckRun r = send(HelperVersion.check());
            if (r == null) {
                return;
            }
            if (r.ok() && !Integer.valueOf(WparflowRun.PROTOCOL_VERSION).equals(r.value())) {
                add(r.name(), r.commandLine(), PreflightStatus.NOT_INSTALLED, WparflowRun.PROGRAM + " " + r.value()
                        + " found, " + WparflowRun.PROTOCOL_VERSION + " expected", r.output());
            } else if (r.ok() || r.outcome() == AixOutcome.PERMISSION_DENIED) {
                add(r);
            } else {
                add(r.name(), r.commandLine(), PreflightStatus.NOT_INSTALLED, r.message(), r.output());
            }
        }

        private void all(List<PreflightCheck> checks) {
            for (PreflightCheck c : checks) {
                if (sent.contains(c.command().commandLine())) {
                    continue;
                }
                CheckRun r = send(c);
                if (r != null) {
                    add(r);
                    values.add(r.value());
                }
            }
        }

        /** Sends one check; null when the host took no command (a finding says why) or the transport failed. */
        private CheckRun send(PreflightCheck check) {
            if (stopped) {
                return null;
            }
            sent.add(check.command().commandLine());
            try {
                CheckRun r = aix.check(check);
                if (!connected) {
                    connected = true;
                    add(CONNECT, null, PreflightStatus.OK, "", null);
                }
                return r;
            } catch (RuntimeException failure) {
                Optional<ConnectFailure> notConnected = ConnectFailure.of(failure);
                if (notConnected.isPresent()) {
                    stopped = true;
                    add(connected ? check.name() : CONNECT, connected ? check.command().commandLine() : null,
                            PreflightStatus.valueOf(notConnected.get().name()), failure.getMessage(), null);
                } else {
                    add(check.name(), check.command().commandLine(), PreflightStatus.FAILED, failure.getMessage(), null);
                }
                return null;
            }
        }

        private List<WparName> wpars() {
            List<WparName> names = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof List<?> list) {
                    list.stream().filter(WparInfo.class::isInstance).map(w -> ((WparInfo) w).name()).distinct()
                            .forEach(n -> {
                                try {
                                    names.add(WparName.of(n));
                                } catch (InvalidArgumentException notSendable) {
                                    // a name wparflow would not send: lswpar -c reported it, -L of it is not checked
                                }
                            });
                }
            }
            return names;
        }

        private AbsolutePath newestImage() {
            return catalog.list(host, null, CatalogImage.State.GOOD, 1).stream().findFirst()
                    .map(i -> AbsolutePath.of(i.path())).orElse(null);
        }

        private List<NimObjectName> wparMachines() {
            List<NimObjectName> machines = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof List<?> list) {
                    list.stream().filter(Nim.NimObject.class::isInstance).map(Nim.NimObject.class::cast)
                            .filter(o -> "wpar".equals(o.type())).forEach(o -> {
                                try {
                                    machines.add(NimObjectName.of(o.name()));
                                } catch (InvalidArgumentException notSendable) {
                                    // a name wparflow would not send: lsnim reported it, -l of it is not checked
                                }
                            });
                }
            }
            return machines;
        }

        private void add(CheckRun r) {
            add(r.name(), r.commandLine(), status(r), r.message(), r.output());
        }

        private void add(String check, String commandLine, PreflightStatus status, String detail, String output) {
            findings.add(new PreflightFinding(runId, host, kind, check, commandLine, status,
                    detail == null ? "" : detail, PreflightAdvice.of(status, check),
                    status == PreflightStatus.OK ? null : output, clock.instant()));
        }
    }

    static PreflightStatus status(CheckRun r) {
        if (r.ok()) {
            return r.unknownFields().isEmpty() ? PreflightStatus.OK : PreflightStatus.UNKNOWN_FIELDS;
        }
        return switch (r.outcome()) {
            case COMMAND_NOT_FOUND, MCR_NOT_INSTALLED, FILESET_NOT_INSTALLED -> PreflightStatus.NOT_INSTALLED;
            case PERMISSION_DENIED -> PreflightStatus.NOT_PERMITTED;
            case UNEXPECTED_OUTPUT -> PreflightStatus.UNKNOWN_FORMAT;
            default -> PreflightStatus.FAILED;
        };
    }
}
