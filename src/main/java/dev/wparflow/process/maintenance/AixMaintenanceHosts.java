package dev.wparflow.process.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Software;
import dev.wparflow.aix.SoftwareLevels;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.aix.WparName;
import dev.wparflow.inventory.FleetDiscoveryService;
import dev.wparflow.process.software.LparSoftware;
import dev.wparflow.process.software.SoftwareDrift;
import dev.wparflow.process.software.WparSoftwareSync;
import dev.wparflow.process.software.WparSyncResult;

/**
 * {@link MaintenanceHosts} through the aix layer ({@code installp -p}, the update commands, {@code lswpar},
 * {@code startwpar}) and the software services ({@link WparSoftwareSync}: syncwpar or inuwpar and the levels read
 * again; {@link SoftwareDrift}: every WPAR's levels against its global environment's).
 */
@Component
class AixMaintenanceHosts implements MaintenanceHosts {

    private final AixGateway aix;
    private final FleetDiscoveryService discovery;
    private final WparSoftwareSync sync;
    private final SoftwareDrift drift;

    AixMaintenanceHosts(AixGateway aix, FleetDiscoveryService discovery, WparSoftwareSync sync, SoftwareDrift drift) {
        this.aix = aix;
        this.discovery = discovery;
        this.sync = sync;
        this.drift = drift;
    }

    /**
     * installp and install_all_updates: {@code installp -apgXd} (IBM reference: installp), a fileset the source lacks
     * or a preview that fails is a refusal; install_all_updates counts only filesets installed now. emgr: the package
     * must be in the source (the simulator and AIX both refuse an unknown package at install); its preview is the one
     * line it will run (IBM reference: emgr).
     */
    @Override
    public Preview preview(Origin origin, String lpar, MaintenanceUpdate update) {
        AixHost host = aix.on(lpar, origin);
        String oslevel = host.oslevel();
        if (update.kind() == MaintenanceUpdate.Kind.EMGR) {
            return new Preview(oslevel, Map.of(), List.of("emgr -e " + update.fixPath() + " -X"), null, null);
        }
        SoftwareSource source = SoftwareSource.of(update.source().value());
        List<FilesetName> filesets = update.kind() == MaintenanceUpdate.Kind.INSTALLP ? update.filesets() : List.of();
        Software.InstallPlan plan = host.previewInstall(source, filesets);
        if (plan.failure() != null) {
            return new Preview(oslevel, Map.of(), List.of(), "installp -p failed: " + plan.failure(), null);
        }
        if (update.kind() == MaintenanceUpdate.Kind.INSTALLP && !plan.missing().isEmpty()) {
            return new Preview(oslevel, Map.of(), List.of(), "the source " + update.source() + " lacks "
                    + String.join(", ", plan.missing()), null);
        }
        Map<String, String> levels = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (Software.Change c : plan.changes()) {
            if (update.kind() == MaintenanceUpdate.Kind.INSTALL_ALL_UPDATES && c.from() == null) {
                continue; // install_all_updates updates what is installed, it installs nothing new
            }
            levels.put(c.fileset(), c.from() == null ? "-" : c.from());
            changes.add(c.fileset() + " " + (c.from() == null ? "(not installed)" : c.from()) + " -> " + c.to());
        }
        if (update.kind() == MaintenanceUpdate.Kind.INSTALLP) {
            plan.alreadyInstalled().forEach(f -> levels.putIfAbsent(f.fileset().value(), f.level()));
        }
        return new Preview(oslevel, levels, changes, null, null);
    }

    @Override
    public List<HostWpar> wpars(Origin origin, String lpar) {
        return aix.on(lpar, origin).wpars(List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE)).stream()
                .filter(w -> w.type() != dev.wparflow.aix.WparType.APPLICATION)
                .map(w -> new HostWpar(w.name(), w.state().word())).toList();
    }

    /** Applied and committed (installp -acgXY, install_all_updates -Y -c, emgr -e -X): one update, no reject path. */
    @Override
    public AixCommand applyCommand(MaintenanceUpdate update) {
        SoftwareSource source = SoftwareSource.of(update.source().value());
        return switch (update.kind()) {
            case INSTALLP -> Software.installApply(source, update.filesets(), Software.Commit.APPLY_AND_COMMIT);
            case INSTALL_ALL_UPDATES -> Software.installAllUpdates(source, Software.Commit.APPLY_AND_COMMIT);
            case EMGR -> Software.emgrInstall(update.fixPath());
        };
    }

    @Override
    public Applied applied(MaintenanceUpdate update, Integer exitStatus, String stdout, String stderr) {
        Software.InstallResult r = Software.parseInstall(exitStatus == null ? -1 : exitStatus,
                stdout == null ? "" : stdout, stderr);
        return new Applied(r.succeeded(), r.failedFilesets().isEmpty() ? null : String.join(",", r.failedFilesets()),
                r.succeeded() ? null : (r.message() == null || r.message().isBlank() ? "exit status " + exitStatus
                        : r.message()));
    }

    @Override
    public Synced sync(Origin origin, String lpar, String wpar, MaintenanceUpdate update) {
        WparSyncResult r = sync.sync(lpar, wpar, SoftwareSource.of(update.source().value()), origin);
        boolean notChecked = r.inSync() == null && r.kind() != null && r.error() != null
                && r.error().startsWith("not checked");
        return new Synced(r.succeeded(), notChecked, String.join("\n", r.commands()), r.error());
    }

    @Override
    public Levels levels(Origin origin, String lpar, String wpar, List<String> filesets) {
        AixHost host = aix.on(lpar, origin);
        if (wpar == null) {
            return new Levels(host.oslevel(), only(host.globalSoftware().usr(), filesets));
        }
        AixResult<SoftwareLevels> read = host.wparSoftware(WparName.of(wpar));
        if (!read.isOk()) {
            return null;
        }
        Map<String, String> own = new LinkedHashMap<>();
        read.value().filesets().forEach(f -> own.put(f, read.value().level(f)));
        return new Levels(host.oslevel(WparName.of(wpar)), only(own, filesets));
    }

    @Override
    public Measured measure(Origin origin, String lpar, List<String> filesets) {
        AixHost host = aix.on(lpar, origin);
        LparSoftware measured = drift.measure(lpar, origin);
        List<MeasuredWpar> wpars = new ArrayList<>();
        for (LparSoftware.WparSoftware w : measured.wpars()) {
            Levels levels = w.inSync() == null ? null
                    : new Levels(host.oslevel(WparName.of(w.wpar())), only(w.levels(), filesets));
            wpars.add(new MeasuredWpar(w.wpar(), w.state(), w.inSync(), levels, w.drift().stream()
                    .map(d -> d.fileset() + " " + d.wparLevel() + " (global " + d.globalLevel() + ", " + d.part()
                            + ")").toList(), w.notChecked()));
        }
        return new Measured(new Levels(measured.oslevel(), only(measured.globalLevels(), filesets)), wpars);
    }

    @Override
    public void startWpar(Origin origin, String lpar, String wpar) {
        aix.on(lpar, origin).start(WparName.of(wpar));
    }

    @Override
    public void refreshInventory(Origin origin, String lpar) {
        discovery.refreshLpar(lpar, origin);
    }

    /** The levels of {@code filesets} only (none for an interim fix, which names none): the report stays short. */
    private static Map<String, String> only(Map<String, String> levels, List<String> filesets) {
        if (filesets == null) {
            return levels;
        }
        Map<String, String> m = new LinkedHashMap<>();
        filesets.forEach(f -> {
            if (levels.containsKey(f)) {
                m.put(f, levels.get(f));
            }
        });
        return m;
    }
}
