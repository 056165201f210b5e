package dev.wparflow.process.software.sync;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.software.sync.WparSyncVariables.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * The steps of WparSyncProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * measurement, the inventory refresh and the outcome only read or record; a WPAR's sync needs the operation's change
 * approved unless the measurement recorded that its policy needs none (every WPAR exempt).
 */
@Configuration(proxyBeanMethods = false)
class WparSyncSteps {

    /** The drifting WPARs measured on the host (clogin NAME lslpp -l against lslpp -Lc), the policy, the plan. */
    @Bean
    JavaDelegate measureDriftDelegate(WparSyncService service) {
        return step(e -> {
            WparSyncService.Measured m = service.measure(origin(e), Operation.idOf(e), LPAR.get(e), WPARS.get(e),
                    SOURCE.get(e), CHANGE_REASON.get(e));
            WPARS_TO_SYNC.set(e, m.wpars());
            APPROVAL_REQUIRED.set(e, m.approvalRequired());
            SUMMARY.set(e, m.summary());
            PLAN.set(e, m.plan());
        });
    }

    /** One attempt for the iteration's WPAR under its lease: syncwpar or inuwpar, verified, recorded. */
    @Bean
    JavaDelegate syncWparDelegate(WparSyncService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "software sync")
                .exemptWhen(e -> service.approvalNotRequired(Operation.idOf(e)))
                .changingHost(e -> {
                    WparSyncService.Attempt a = service.sync(origin(e), Operation.idOf(e), SYNC_WPAR.get(e),
                            SOURCE.get(e), ATTEMPTS.get(e));
                    WPAR_SYNCED.setLocal(e, a.synced());
                    RETRY_WPAR.setLocal(e, a.retry());
                });
    }

    /** The LPAR's WPARs measured again: the inventory's software rows say what the sync left. */
    @Bean
    JavaDelegate refreshSoftwareInventoryDelegate(WparSyncService service) {
        return step(e -> service.refresh(origin(e), LPAR.get(e)));
    }

    /** outcome and outcomeReason: each WPAR's state, attempts, commands and error; counts. */
    @Bean
    JavaDelegate recordSyncOutcomeDelegate(WparSyncService service) {
        return step(e -> {
            WparSyncService.Outcome o = service.outcome(Operation.idOf(e), LPAR.get(e), FAILURE_CODE.get(e),
                    FAILURE_REASON.get(e), APPROVAL_REQUIRED.isSet(e), APPROVERS.get(e), APPROVAL_REASON.get(e),
                    PLAN.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
            SYNCED.set(e, o.synced());
            FAILED.set(e, o.failed());
        });
    }

    /** End listener: the instance's leases go however it ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseSyncLocksOnEndListener(WparSyncService service) {
        return e -> service.releaseLeases(e.getProcessInstanceId());
    }
}
