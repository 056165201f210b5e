package dev.wparflow.process.evacuation;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.evacuation.EvacuationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * The steps of EvacuationProcess in the model's order, as the beans its {@code delegateExpression}s name. Planning
 * and recording only read hosts and write our record; handing out a move needs the evacuation's approved change (the
 * relocation sub-processes check it again on every step that changes a host).
 */
@Configuration(proxyBeanMethods = false)
class EvacuationSteps {

    /** The plan (or the return home's), its table for the approvers, one lane per move at once. */
    @Bean
    JavaDelegate planEvacuationDelegate(EvacuationService service) {
        return step(e -> {
            EvacuationService.Limits limits = limits(service, e);
            String id = recordId(e);
            String requester = Operation.startedBy(e);
            EvacuationService.Planned planned = RETURN_FROM.get(e) != null
                    ? service.planReturn(id, RETURN_FROM.get(e), requester, limits, MAINTENANCE_WINDOW_START.get(e),
                            origin(e))
                    : service.plan(id, LPAR.get(e), MANAGED_SYSTEM.get(e), ACTIVE_ONLY.isSet(e), requester, limits,
                            MAINTENANCE_WINDOW_START.get(e), origin(e));
            MOVABLE.set(e, planned.movable());
            LANES.set(e, planned.lanes());
            SUMMARY.set(e, planned.summary());
            PLAN.set(e, planned.table());
            RISK_LEVEL.set(e, "high");
        });
    }

    /** The lane's next move within the limits, re-checked (and re-planned) first; none: the lane ends or waits. */
    @Bean
    JavaDelegate claimEvacuationMoveDelegate(EvacuationService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "evacuation").changingHost(e -> {
            EvacuationService.Claim claim = service.claim(recordId(e), limits(service, e), origin(e));
            MOVE_WPAR.setLocal(e, claim.item() == null ? null : claim.item().wpar());
            MOVE_DEPARTING.setLocal(e, claim.item() == null ? null : claim.item().departing());
            MOVE_ARRIVING.setLocal(e, claim.item() == null ? null : claim.item().arriving());
            MOVE_MODE.setLocal(e, claim.item() == null ? null : claim.item().mode());
            LANE_BLOCKED.setLocal(e, claim.blocked());
            MOVE_OUTCOME.setLocal(e, null);
            MOVE_REASON.setLocal(e, null);
        });
    }

    /** What the relocation sub-process said, for this WPAR; the line stops after too many failures. */
    @Bean
    JavaDelegate recordEvacuationMoveDelegate(EvacuationService service) {
        return step(e -> service.recordMove(recordId(e), MOVE_WPAR.get(e), MOVE_OUTCOME.get(e),
                MOVE_REASON.get(e), limits(service, e)));
    }

    /** The outcome and the per-WPAR report, on every path. */
    @Bean
    JavaDelegate recordEvacuationOutcomeDelegate(EvacuationService service, ChangeApprovalRecord approvals) {
        return step(e -> {
            EvacuationService.Outcome o = service.outcome(recordId(e), FAILURE_CODE.get(e),
                    FAILURE_REASON.get(e), MOVABLE.get(e), approvals.operationApproved(e), limits(service, e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
        });
    }

    /**
     * The evacuation's record: its own process instance (the operation itself when started by an operator; when a
     * maintenance calls it, each of its evacuations and returns has a record of its own, while the approval and the
     * leases stay the operation's).
     */
    static String recordId(DelegateExecution e) {
        return e.getProcessInstanceId();
    }

    private static EvacuationService.Limits limits(EvacuationService service, DelegateExecution e) {
        return service.limits(PER_SOURCE.get(e), PER_TARGET.get(e), GLOBAL_LIMIT.get(e), STOP_AFTER_FAILURES.get(e));
    }
}
