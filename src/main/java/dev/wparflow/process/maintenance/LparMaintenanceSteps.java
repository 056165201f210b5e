package dev.wparflow.process.maintenance;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.maintenance.LparMaintenanceVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * The steps of LparMaintenanceProcess in the model's order, as the beans its {@code delegateExpression}s name.
 * Planning, claiming and recording only read hosts and write our record; every step that leases or changes an LPAR
 * needs the operation's approved change.
 */
@Configuration(proxyBeanMethods = false)
class LparMaintenanceSteps {

    /** The plan read on each LPAR (oslevel, levels, installp -p), its table for the approvers, the lanes. */
    @Bean
    JavaDelegate planMaintenanceDelegate(MaintenanceService service) {
        return step(e -> {
            MaintenanceService.Planned planned = service.plan(Operation.idOf(e), Operation.startedBy(e), request(e),
                    origin(e));
            TO_UPDATE.set(e, planned.toUpdate());
            LANES.set(e, planned.lanes());
            BACKUP_FIRST.set(e, planned.backupFirst());
            SUMMARY.set(e, planned.summary());
            PLAN.set(e, planned.table());
            RISK_LEVEL.set(e, "high");
        });
    }

    /** The lane's next LPAR (none: the lane ends); the lane's own variables, declared in its scope. */
    @Bean
    JavaDelegate claimMaintenanceLparDelegate(MaintenanceService service) {
        return step(e -> {
            String lpar = service.claim(Operation.idOf(e), "lane-" + e.getVariableLocal("loopCounter") + "@"
                    + e.getId()).orElse(null);
            MAINT_LPAR.setLocal(e, lpar);
            LPAR_LEASED.setLocal(e, false);
            LPAR_EVACUATE.setLocal(e, false);
            EVACUATION_ID.setLocal(e, null);
            EVACUATION_OUTCOME.setLocal(e, null);
            EVACUATION_REASON.setLocal(e, null);
            BACKUP_OUTCOME.setLocal(e, null);
            BACKUP_REASON.setLocal(e, null);
            BACKUP_IMAGE_IDS.setLocal(e, null);
            APPLY_RUN_ID.setLocal(e, null);
            APPLIED.setLocal(e, false);
            RETURN_OUTCOME.setLocal(e, null);
            RETURN_REASON.setLocal(e, null);
        });
    }

    /**
     * The LPAR's lease and its Active WPARs; whether they are evacuated. Held by another operation: the LPAR is
     * LPAR_LOCKED and the lane goes to its result without touching it.
     */
    @Bean
    JavaDelegate prepareMaintenanceLparDelegate(MaintenanceService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "maintenance").changingHost(e -> {
            MaintenanceService.Prepared prepared = service.prepare(Operation.idOf(e), MAINT_LPAR.require(e),
                    origin(e));
            LPAR_LEASED.set(e, prepared.leased());
            LPAR_EVACUATE.set(e, prepared.evacuate());
        });
    }

    /** The update, detached under a run id of this instance, step and LPAR. */
    @Bean
    JavaDelegate startMaintenanceApplyDelegate(MaintenanceService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "maintenance").changingHost(e -> APPLY_RUN_ID.set(e,
                service.startApply(Operation.idOf(e), MAINT_LPAR.require(e), origin(e))));
    }

    /** The update did not end in time: cancelled on its host. */
    @Bean
    JavaDelegate cancelMaintenanceApplyDelegate(MaintenanceService service) {
        return step(e -> service.cancelApply(APPLY_RUN_ID.get(e), origin(e)));
    }

    /** Whether the update succeeded; a failure stops the rollout. */
    @Bean
    JavaDelegate checkMaintenanceApplyDelegate(MaintenanceService service) {
        return step(e -> APPLIED.set(e, service.checkApply(Operation.idOf(e), MAINT_LPAR.require(e),
                APPLY_RUN_ID.require(e))));
    }

    /** One WPAR: syncwpar or inuwpar, verified through clogin, tried up to syncAttempts times. */
    @Bean
    JavaDelegate syncMaintenanceWparDelegate(MaintenanceService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "maintenance").changingHost(e -> service.syncWpar(Operation.idOf(e),
                MAINT_LPAR.require(e), SYNC_WPAR.require(e), origin(e)));
    }

    /** Levels in the global environment and each WPAR; Active WPARs Active again. */
    @Bean
    JavaDelegate verifyMaintenanceLparDelegate(MaintenanceService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "maintenance").changingHost(e -> service.verify(Operation.idOf(e),
                MAINT_LPAR.require(e), origin(e)));
    }

    /** The LPAR's result, the inventory refreshed, the lease released. */
    @Bean
    JavaDelegate finishMaintenanceLparDelegate(MaintenanceService service) {
        return step(e -> service.finish(Operation.idOf(e), MAINT_LPAR.require(e), BACKUP_OUTCOME.get(e),
                BACKUP_REASON.get(e), BACKUP_IMAGE_IDS.get(e), EVACUATION_ID.get(e), EVACUATION_OUTCOME.get(e),
                RETURN_OUTCOME.get(e), origin(e)));
    }

    /** The outcome and the per-LPAR and per-WPAR report, on every path. */
    @Bean
    JavaDelegate recordMaintenanceOutcomeDelegate(MaintenanceService service, ChangeApprovalRecord approvals) {
        return step(e -> {
            MaintenanceService.Outcome o = service.outcome(Operation.idOf(e), FAILURE_CODE.get(e),
                    FAILURE_REASON.get(e), TO_UPDATE.get(e), approvals.operationApproved(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
        });
    }

    /** End listener: the instance's leases go however it ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseMaintenanceLeasesOnEndListener(MaintenanceService service) {
        return e -> service.releaseLeases(e.getProcessInstanceId());
    }

    static MaintenanceService.Request request(DelegateExecution e) {
        MaintenanceUpdate.Kind kind = MaintenanceUpdate.Kind.parse(UPDATE_KIND.get(e));
        List<FilesetName> filesets = FILESETS.orElse(e, List.of()).stream().map(FilesetName::of).toList();
        MaintenanceUpdate update = new MaintenanceUpdate(kind, AbsolutePath.of(SOURCE.require(e)),
                kind == MaintenanceUpdate.Kind.INSTALLP ? filesets : List.of(),
                kind == MaintenanceUpdate.Kind.EMGR ? FIX_PACKAGE.get(e) : null);
        return new MaintenanceService.Request(LPARS.get(e), MANAGED_SYSTEM.get(e), update,
                "parallel".equalsIgnoreCase(ROLLOUT.get(e)), PARALLEL.get(e), MAINTENANCE_WINDOW_START.get(e),
                MAINTENANCE_WINDOW_END.get(e), "active".equalsIgnoreCase(EVACUATE.get(e)),
                !GLOBAL_BACKUP.isGiven(e) || GLOBAL_BACKUP.isSet(e), SYNC_ATTEMPTS.get(e), CHANGE_REASON.get(e));
    }
}
