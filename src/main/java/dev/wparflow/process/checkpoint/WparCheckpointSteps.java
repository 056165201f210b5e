package dev.wparflow.process.checkpoint;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.checkpoint.WparCheckpointVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;
import dev.wparflow.process.checkpoint.WparCheckpointService.Facts;
import dev.wparflow.process.checkpoint.WparCheckpointService.Outcome;
import dev.wparflow.process.checkpoint.WparCheckpointService.Taken;

/**
 * The steps of WparCheckpointProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * check only reads; the steps that change a host need the operation's change approved, except a checkpoint that
 * leaves the WPAR running (no kill), which the policy lets run without one.
 */
@Configuration(proxyBeanMethods = false)
class WparCheckpointSteps {

    /** Checkpoint: lswpar (checkpointable, Active), mcr.rte; restart: the catalogued checkpoint readable there. */
    @Bean
    JavaDelegate checkCheckpointRequestDelegate(WparCheckpointService service) {
        return step(e -> {
            boolean kill = KILL.orElse(e, false);
            Facts facts = service.check(origin(e), Operation.idOf(e), ACTION.get(e), LPAR.get(e), WPAR.get(e), kill,
                    restart(e) ? CHECKPOINT_ID.get(e) : null);
            DIRECTORY.set(e, facts.directory());
            SOURCE_LPAR.set(e, facts.sourceLpar());
            APPROVAL_REQUIRED.set(e, facts.approvalRequired());
            SUMMARY.set(e, WparCheckpointService.summary(restart(e), LPAR.get(e), WPAR.get(e), facts, kill));
            PLAN.set(e, WparCheckpointService.plan(restart(e), LPAR.get(e), WPAR.get(e), facts, kill,
                    CHANGE_REASON.get(e)));
        });
    }

    /** Lease, spec into the new directory, chkptwpar [-k] -d DIR NAME, du -s -k, the catalog row. */
    @Bean
    JavaDelegate checkpointWparDelegate(WparCheckpointService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(e -> {
            Taken taken = service.checkpoint(origin(e), Operation.idOf(e), INITIATOR.get(e), LPAR.get(e), WPAR.get(e),
                    DIRECTORY.get(e), KILL.orElse(e, false), false);
            CHECKPOINT_ID.set(e, taken.checkpointId());
            addDone(e, taken.commands());
        });
    }

    /** Restart elsewhere: mkwpar -p -f DIR/wpar.spec on the LPAR (the leases on both sides first). */
    @Bean
    JavaDelegate defineWparOnTargetDelegate(WparCheckpointService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(e -> addDone(e, service.defineOnTarget(origin(e), Operation.idOf(e),
                LPAR.get(e), SOURCE_LPAR.get(e), WPAR.get(e), DIRECTORY.get(e))));
    }

    /** restartwpar -d DIR NAME, then Active verified. */
    @Bean
    JavaDelegate restartWparDelegate(WparCheckpointService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(e -> addDone(e, service.restart(origin(e), LPAR.get(e), WPAR.get(e),
                DIRECTORY.get(e))));
    }

    /** Restart elsewhere: rmwpar -p NAME on the source, once the WPAR is Active on the LPAR. */
    @Bean
    JavaDelegate removeSourceDefinitionDelegate(WparCheckpointService service, ChangeApprovalRecord approvals) {
        return steps(approvals).changingHost(e -> addDone(e, service.removeSource(origin(e), LPAR.get(e),
                SOURCE_LPAR.get(e), WPAR.get(e))));
    }

    /** Every lease of the instance, on every path. */
    @Bean
    JavaDelegate releaseCheckpointLockDelegate(WparCheckpointService service) {
        return step(e -> service.release(Operation.idOf(e)));
    }

    /** outcome and outcomeReason: how it ended and the commands it ran. */
    @Bean
    JavaDelegate recordCheckpointOutcomeDelegate() {
        return step(e -> {
            Outcome o = WparCheckpointService.outcome(restart(e), LPAR.get(e), WPAR.get(e), CHECKPOINT_ID.get(e),
                    DIRECTORY.get(e), FAILURE_CODE.get(e), FAILURE_REASON.get(e), DECISION.get(e), DONE.get(e),
                    APPROVERS.get(e), APPROVAL_REASON.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
        });
    }

    /** End listener: the instance's leases go however it ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseCheckpointLocksOnEndListener(WparCheckpointService service) {
        return e -> service.release(e.getProcessInstanceId());
    }

    /** A checkpoint that leaves the WPAR running needs no approval; a kill or a restart does. */
    private static OperationSteps steps(ChangeApprovalRecord approvals) {
        return OperationSteps.of(approvals, "checkpoint/restart").exemptWhen(WparCheckpointSteps::runsOn);
    }

    static boolean runsOn(DelegateExecution e) {
        return ACTION_CHECKPOINT.equals(ACTION.get(e)) && !KILL.orElse(e, false);
    }
}
