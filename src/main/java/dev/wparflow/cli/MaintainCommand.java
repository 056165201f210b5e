package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maintain}: LparMaintenanceProcess (docs/maintenance.md) with the inputs of its contract: the LPARs (repeated
 * {@code --lpar}, in rollout order) or a managed system, the update ({@code --fileset} for installp, {@code --all}
 * for install_all_updates, {@code --emgr} for an interim fix) from {@code --source}, the rollout, the window,
 * evacuation, backup, sync attempts, the reason and the approval's quorum.
 */
@Command(name = "maintain", description = "Install software in the global environments of LPARs, one (or N) at a"
        + " time, and synchronise their WPARs (LparMaintenanceProcess; one approval of the plan).")
class MaintainCommand extends StartCommand {

    static class Scope {
        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true,
                description = "an LPAR to update; repeat it, in rollout order")
        List<String> lpars;

        @Option(names = { "-m", "--managed-system" }, paramLabel = "MANAGED_SYSTEM", required = true,
                description = "every LPAR of this managed system")
        String managedSystem;
    }

    static class Update {
        @Option(names = { "-f", "--fileset" }, paramLabel = "FILESET", required = true,
                description = "installp this fileset from the source; repeat it")
        List<String> filesets;

        @Option(names = "--all", required = true, description = "install_all_updates from the source")
        boolean all;

        @Option(names = "--emgr", paramLabel = "PACKAGE", required = true,
                description = "emgr this interim fix package of the source directory")
        String fixPackage;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Update update;

    @Option(names = { "-s", "--source" }, paramLabel = "DIR", required = true,
            description = "the source directory (one of wparflow.maintenance.sources, or below one)")
    String source;

    @Option(names = "--parallel", paramLabel = "N", description = "update N LPARs at a time (default: one at a time)")
    Integer parallel;

    @Option(names = "--window", paramLabel = "TIME",
            description = "maintenance window start, ISO-8601 with offset (default: right after the approval)")
    String window;

    @Option(names = "--window-end", paramLabel = "TIME",
            description = "maintenance window end: an LPAR whose turn comes later is skipped")
    String windowEnd;

    @Option(names = "--evacuate", description = "move the Active WPARs away first (EvacuationProcess) and back after")
    boolean evacuate;

    @Option(names = "--no-backup", description = "no global backup (GlobalBackupProcess) before each update")
    boolean noBackup;

    @Option(names = "--sync-attempts", paramLabel = "N", description = "attempts to synchronise each WPAR, 1-5")
    Integer syncAttempts;

    @Option(names = "--reason", paramLabel = "TEXT", description = "the reason, for the approvers")
    String reason;

    @Option(names = "--quorum", paramLabel = "N", description = "approvals needed (1-5)")
    Integer quorum;

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lpars", scope.lpars == null ? null : String.join(",", scope.lpars));
        v.put("managedSystem", scope.managedSystem);
        v.put("updateKind", update.filesets != null ? "installp" : update.all ? "install_all_updates" : "emgr");
        v.put("filesets", update.filesets == null ? null : String.join(",", update.filesets));
        v.put("fixPackage", update.fixPackage);
        v.put("softwareSource", source);
        v.put("rollout", parallel == null ? null : "parallel");
        v.put("parallel", parallel);
        v.put("maintenanceWindowStart", window);
        v.put("maintenanceWindowEnd", windowEnd);
        v.put("evacuate", evacuate ? "active" : null);
        v.put("globalBackup", noBackup ? Boolean.FALSE : null);
        v.put("syncAttempts", syncAttempts);
        v.put("changeReason", reason);
        v.put("quorum", quorum);
        return start("LparMaintenanceProcess", v);
    }
}
