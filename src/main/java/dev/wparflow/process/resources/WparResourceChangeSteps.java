package dev.wparflow.process.resources;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.resources.WparResourceChangeVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparLifecycle.ResourceControl;
import dev.wparflow.aix.WparState;
import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;
import dev.wparflow.process.resources.WparResourceChangeService.Facts;
import dev.wparflow.process.resources.WparResourceChangeService.Outcome;

/**
 * The steps of WparResourceChangeProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * checks and the plan only read; the lease, chwpar -R and the roll-back need the change approved.
 */
@Configuration(proxyBeanMethods = false)
class WparResourceChangeSteps {

    /** The WPAR on the LPAR, no other operation's lease, chapter 8's rules (lswpar, lswpar -R, prtconf). */
    @Bean
    JavaDelegate checkResourceChangeDelegate(WparResourceChangeService service) {
        return step(e -> {
            ResourceControls requested = requested(e);
            REQUESTED.set(e, requested.keywordText());
            Facts facts = service.check(origin(e), Operation.idOf(e), LPAR.get(e), WPAR.get(e), requested);
            WPAR_STATE.set(e, facts.state().name());
            BEFORE.set(e, facts.before().keywordText());
            LPAR_MEMORY_MB.set(e, facts.lparMemoryMb());
        });
    }

    /** The summary and the plan: lswpar -R now and after, the exact commands, the roll-back. */
    @Bean
    JavaDelegate planResourceChangeDelegate(WparResourceChangeService service) {
        return step(e -> {
            ResourceControls requested = ResourceControls.fromKeywordText(REQUESTED.get(e));
            SUMMARY.set(e, WparResourceChangeService.summary(LPAR.get(e), WPAR.get(e), requested));
            PLAN.set(e, service.plan(LPAR.get(e), WPAR.get(e), facts(e), requested, CHANGE_REASON.get(e)));
        });
    }

    /** The WPAR's lease. */
    @Bean
    JavaDelegate lockResourceChangeDelegate(WparResourceChangeService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(e -> service.lock(Operation.idOf(e), LPAR.get(e), WPAR.get(e)));
    }

    /** chwpar -R (unless lswpar -R shows the request already). */
    @Bean
    JavaDelegate changeResourcesDelegate(WparResourceChangeService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(OperationSteps.CommandFailure.OUTCOME, e -> service.change(origin(e),
                LPAR.get(e), WPAR.get(e), ResourceControls.fromKeywordText(REQUESTED.get(e)))
                .forEach(c -> addDone(e, c)));
    }

    /** lswpar -R shows every requested value: verified; else the differences, for the roll-back and the outcome. */
    @Bean
    JavaDelegate verifyResourceChangeDelegate(WparResourceChangeService service) {
        return step(e -> {
            List<String> differences = service.differences(origin(e), LPAR.get(e), WPAR.get(e),
                    ResourceControls.fromKeywordText(REQUESTED.get(e)));
            VERIFIED.set(e, differences.isEmpty());
            DIFFERENCES.set(e, differences.isEmpty() ? null : WparResourceChangeService.clip(
                    String.join("; ", differences)));
        });
    }

    /** chwpar -K -R / chwpar -R with the values read before, then lswpar -R shows them again. */
    @Bean
    JavaDelegate rollBackResourceChangeDelegate(WparResourceChangeService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(OperationSteps.CommandFailure.OUTCOME, e -> {
            service.rollBack(origin(e), LPAR.get(e), WPAR.get(e), ResourceControls.fromKeywordText(BEFORE.get(e)),
                    ResourceControls.fromKeywordText(REQUESTED.get(e))).forEach(c -> addDone(e, c));
            ROLLED_BACK.set(e, true);
        });
    }

    /** The WPAR's lease, on every path. */
    @Bean
    JavaDelegate releaseResourceChangeLocksDelegate(WparResourceChangeService service) {
        return step(e -> service.release(Operation.idOf(e)));
    }

    /** outcome and outcomeReason: how it ended, the commands it ran. */
    @Bean
    JavaDelegate recordResourceChangeOutcomeDelegate() {
        return step(e -> {
            Outcome o = WparResourceChangeService.outcome(LPAR.get(e), WPAR.get(e), FAILURE_CODE.get(e),
                    FAILURE_REASON.get(e), VERIFIED.isSet(e), DIFFERENCES.get(e), ROLLED_BACK.isSet(e), DONE.get(e),
                    APPROVERS.get(e), APPROVAL_REASON.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
        });
    }

    /** End listener: the instance's lease goes however it ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseResourceChangeLocksOnEndListener(WparResourceChangeService service) {
        return e -> service.release(e.getProcessInstanceId());
    }

    private static OperationSteps steps(ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "resource change");
    }

    /** The controls of the request, by Table 8-1's attribute names. */
    static ResourceControls requested(DelegateExecution e) {
        Map<String, String> kv = new LinkedHashMap<>();
        put(kv, ResourceControl.SHARES_CPU, CPU_SHARES.get(e));
        put(kv, ResourceControl.CPU, CPU_LIMITS.get(e));
        put(kv, ResourceControl.SHARES_MEMORY, MEMORY_SHARES.get(e));
        put(kv, ResourceControl.MEMORY, MEMORY_LIMITS.get(e));
        put(kv, ResourceControl.PROC_VIRT_MEM, PROC_VIRT_MEM.get(e));
        put(kv, ResourceControl.TOTAL_PROCESSES, TOTAL_PROCESSES.get(e));
        put(kv, ResourceControl.TOTAL_THREADS, TOTAL_THREADS.get(e));
        return ResourceControls.fromKeywords(kv);
    }

    private static void put(Map<String, String> kv, ResourceControl control, Object value) {
        if (value != null && !value.toString().isBlank()) {
            kv.put(control.key(), value.toString().strip());
        }
    }

    private static Facts facts(DelegateExecution e) {
        String state = WPAR_STATE.get(e);
        return new Facts(state == null ? null : WparState.valueOf(state.toUpperCase(Locale.ROOT)),
                ResourceControls.fromKeywordText(BEFORE.get(e)), LPAR_MEMORY_MB.get(e));
    }
}
