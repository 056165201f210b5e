package dev.wparflow.process.lifecycle;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.lifecycle.WparLifecycleVariables.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * The steps of WparLifecycleProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * checks, the claims and the outcome only read or record; the change of a WPAR needs the operation's change approved
 * unless the checks recorded that its policy needs none (start, or every WPAR exempt).
 */
@Configuration(proxyBeanMethods = false)
class WparLifecycleSteps {

    /**
     * The WPARs on the LPAR, or each member of the relocation group on the LPAR the inventory finds it on (lswpar),
     * none held by another operation; the lanes, the policy, the plan.
     */
    @Bean
    JavaDelegate checkLifecycleRequestDelegate(WparLifecycleService service) {
        return step(e -> {
            LifecycleAction action = LifecycleAction.parse(ACTION.get(e));
            WparLifecycleService.Checked checked = service.check(origin(e), Operation.idOf(e), LPAR.get(e), action,
                    WPARS.get(e), ALL_WPARS.isSet(e), GROUP.get(e), PARALLELISM.get(e));
            LANE_COUNT.set(e, checked.lanes());
            APPROVAL_REQUIRED.set(e, checked.approvalRequired());
            SUMMARY.set(e, WparLifecycleService.summary(LPAR.get(e), GROUP.get(e), action, checked.lpars()));
            PLAN.set(e, service.plan(LPAR.get(e), GROUP.get(e), checked.lpars(), action, checked.states(),
                    checked.lanes(), drain(e, service), START_AFTER_RECOVERY.isSet(e), CHANGE_REASON.get(e)));
        });
    }

    /** A lane takes the next pending WPAR of the operation (none left: the lane ends). */
    @Bean
    JavaDelegate claimNextLifecycleWparDelegate(WparLifecycleService service) {
        return step(e -> WPAR.set(e, service.claimNext(Operation.idOf(e), lane(e)).map(LifecycleItems.Item::wpar)
                .orElse(null)));
    }

    /** One WPAR under its lease: look, drain, start/stop/reboot or recover, verify, record its result. */
    @Bean
    JavaDelegate changeLifecycleWparDelegate(WparLifecycleService service, ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "lifecycle")
                .exemptWhen(e -> service.approvalNotRequired(Operation.idOf(e)))
                .changingHost(e -> {
                    String owner = Operation.idOf(e);
                    LifecycleItems.Item item = service.claimNext(owner, lane(e)).orElseThrow(() ->
                            new IllegalStateException("lane " + lane(e) + " holds no WPAR of " + owner));
                    service.change(origin(e), owner, item.lpar(), WparName.of(item.wpar()),
                            LifecycleAction.parse(item.action()), drain(e, service), START_AFTER_RECOVERY.isSet(e));
                });
    }

    /** outcome and outcomeReason: each WPAR from → to, its commands, its error; counts. */
    @Bean
    JavaDelegate recordLifecycleOutcomeDelegate(WparLifecycleService service) {
        return step(e -> {
            LifecycleAction action;
            try {
                action = LifecycleAction.parse(ACTION.get(e));
            } catch (LifecycleRefusal unknown) {
                action = null;
            }
            WparLifecycleService.Outcome o = service.outcome(Operation.idOf(e), LPAR.get(e), GROUP.get(e), action,
                    FAILURE_CODE.get(e), FAILURE_REASON.get(e), APPROVAL_REQUIRED.isSet(e), APPROVERS.get(e),
                    APPROVAL_REASON.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
            SUCCEEDED.set(e, o.succeeded());
            FAILED.set(e, o.failed());
        });
    }

    /** End listener: the instance's leases go however it ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseLifecycleLocksOnEndListener(WparLifecycleService service) {
        return e -> service.releaseLeases(e.getProcessInstanceId());
    }

    private static String drain(org.camunda.bpm.engine.delegate.DelegateExecution e, WparLifecycleService service) {
        String asked = DRAIN_COMMAND.get(e);
        return asked != null && !asked.isBlank() ? asked : service.configuredDrainCommand();
    }
}
