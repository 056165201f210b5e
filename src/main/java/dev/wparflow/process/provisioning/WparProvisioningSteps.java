package dev.wparflow.process.provisioning;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.provisioning.WparProvisioningVariables.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.AixRefusal;
import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationRefusal;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * The steps of WparProvisioningProcess in the model's order, as the beans its {@code delegateExpression}s name. A
 * {@link ProvisioningRefusal} (or a host's refusal) becomes a BpmnError with its code; anything else is retried, then
 * an incident. A step that changes a host runs only when our record holds the change approved, or the plan recorded
 * that the approval policy does not ask for one: an instance modification that skips the approval is refused
 * (CHANGE_NOT_APPROVED) before anything is touched.
 */
@Configuration(proxyBeanMethods = false)
class WparProvisioningSteps {

    /** Codes that say the request cannot be done as asked, found before anything was created: REFUSED. */
    static final Set<String> REFUSALS = Set.of("NAME_TAKEN", "HOSTNAME_TAKEN", "ADDRESS_TAKEN", "NIM_NAME_TAKEN",
            "CHANGE_NOT_APPROVED");

    @FunctionalInterface
    interface Step {
        void run(DelegateExecution execution);
    }

    static JavaDelegate step(Step step) {
        return e -> {
            try {
                step.run(e);
            } catch (OperationRefusal refusal) {
                throw new BpmnError(refusal.code(), refusal.getMessage());
            } catch (AixRefusal refusal) {
                throw new BpmnError(refusal.outcome().errorCode(), refusal.getMessage());
            }
        };
    }

    static JavaDelegate changingHost(ChangeApprovalRecord approvals, ProvisioningRecord record, Step step) {
        return step(e -> {
            String op = Operation.idOf(e);
            boolean exempt = record.find(op).map(p -> !p.approvalRequired()).orElse(false);
            if (!exempt) {
                OperationSteps.requireApproved(approvals, e, "provisioning");
            }
            step.run(e);
        });
    }

    /** Names, inventory, template, image, copy source; refused before any host is asked. */
    @Bean
    JavaDelegate validateProvisioningRequestDelegate(WparProvisioningService service) {
        return step(e -> {
            String requester = Operation.startedBy(e);
            REQUESTER.set(e, requester);
            service.validate(Operation.idOf(e), e, requester);
        });
    }

    /** Target, method, spec, room, commands; recorded, with the policy's answer on approval. */
    @Bean
    JavaDelegate planProvisioningDelegate(WparProvisioningService service) {
        return step(e -> {
            ProvisioningRequest r = ProvisioningRequest.of(e);
            WparProvisioningService.Plan plan = service.plan(origin(e), Operation.idOf(e), r, REQUESTER.get(e));
            TARGET_LPAR.set(e, plan.lpar());
            CHOSEN_METHOD.set(e, plan.method());
            NIM_MASTER.set(e, plan.nimMaster());
            APPROVAL_REQUIRED.set(e, plan.approvalRequired());
            SUMMARY.set(e, plan.summary());
            PLAN.set(e, plan.plan());
            RISK_LEVEL.set(e, "medium");
        });
    }

    @Bean
    JavaDelegate acquireProvisioningLocksDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record, e -> creation.acquireLocks(Operation.idOf(e)));
    }

    @Bean
    JavaDelegate recheckProvisioningTargetDelegate(ProvisioningCreation creation) {
        return step(e -> creation.recheckTarget(origin(e), Operation.idOf(e)));
    }

    @Bean
    JavaDelegate defineNimObjectsDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record, e -> creation.defineNimObjects(origin(e), Operation.idOf(e)));
    }

    @Bean
    JavaDelegate startNimCreateDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record,
                e -> CREATE_RUN_ID.set(e, creation.startNimCreate(origin(e), Operation.idOf(e))));
    }

    @Bean
    JavaDelegate startDirectCreateDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record, e -> CREATE_RUN_ID.set(e, creation.startDirectCreate(origin(e),
                Operation.idOf(e), TYPE_APPLICATION.equalsIgnoreCase(WPAR_TYPE.orElse(e, TYPE_SYSTEM)))));
    }

    @Bean
    JavaDelegate cancelProvisioningCreateDelegate(ProvisioningCreation creation) {
        return step(e -> creation.cancelTimedOut(origin(e), Operation.idOf(e), CREATE_RUN_ID.get(e)));
    }

    @Bean
    JavaDelegate checkProvisioningCreatedDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record,
                e -> creation.checkCreated(origin(e), Operation.idOf(e), CREATE_RUN_ID.get(e)));
    }

    @Bean
    JavaDelegate startProvisionedWparDelegate(ProvisioningCreation creation, ChangeApprovalRecord approvals,
            ProvisioningRecord record) {
        return changingHost(approvals, record, e -> creation.start(origin(e), Operation.idOf(e)));
    }

    @Bean
    JavaDelegate verifyProvisionedDelegate(ProvisioningCreation creation) {
        return step(e -> VERIFIED.set(e, creation.verify(origin(e), Operation.idOf(e))));
    }

    /** Rollback: raises no business error (retry, then incident naming what is left). */
    @Bean
    JavaDelegate rollBackProvisioningDelegate(ProvisioningRollback rollback) {
        return e -> ROLLBACK_REPORT.set(e, rollback.rollBack(origin(e), Operation.idOf(e), CREATE_RUN_ID.get(e)));
    }

    @Bean
    JavaDelegate releaseProvisioningLocksDelegate(ProvisioningCreation creation) {
        return e -> creation.releaseLocks(Operation.idOf(e));
    }

    /** Every lease the provisioning holds, whichever way the instance ends (also when it is cancelled). */
    @Bean
    ExecutionListener releaseProvisioningLocksOnEndListener(ProvisioningCreation creation) {
        return e -> creation.releaseLocks(Operation.idOf(e));
    }

    /** How it ended and why, in the variables and wparflow_provisioning; every lease released. */
    @Bean
    JavaDelegate recordProvisioningOutcomeDelegate(ProvisioningCreation creation, ProvisioningRecord record) {
        return e -> {
            String code = FAILURE_CODE.get(e);
            String outcome = RECORD_OUTCOME.get(e);
            if (outcome == null) {
                outcome = code == null ? PROVISIONED : REFUSALS.contains(code) ? REFUSED : FAILED;
            }
            String reason = switch (outcome) {
                case REJECTED -> "rejected by " + APPROVERS.get(e) + ": " + APPROVAL_REASON.get(e);
                case PROVISIONED -> VERIFIED.get(e);
                default -> (code == null ? "" : code + ": ") + FAILURE_REASON.get(e)
                        + (ROLLBACK_REPORT.get(e) == null ? "" : "; rollback: " + ROLLBACK_REPORT.get(e));
            };
            creation.releaseLocks(Operation.idOf(e));
            record.outcome(Operation.idOf(e), outcome, reason);
            OUTCOME.set(e, outcome);
            OUTCOME_REASON.set(e, reason == null || reason.length() <= 4000 ? reason : reason.substring(0, 3997) + "...");
        };
    }
}
