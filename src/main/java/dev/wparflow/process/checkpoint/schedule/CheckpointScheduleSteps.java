package dev.wparflow.process.checkpoint.schedule;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.checkpoint.schedule.CheckpointScheduleVariables.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.Operation;
import dev.wparflow.process.checkpoint.CheckpointRefusal;
import dev.wparflow.process.checkpoint.WparCheckpointService;
import dev.wparflow.process.checkpoint.WparCheckpointVariables;

/**
 * The steps of WparCheckpointScheduleProcess in the model's order. A scheduled checkpoint leaves the WPAR running
 * (no kill), which the checkpoint policy lets run without an approval; a cycle whose WPAR cannot be checkpointed now
 * (not Active, locked by another operation…) is skipped with the reason, and the schedule goes on.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointScheduleSteps {

    /** The same checks as a checkpoint request, then chkptwpar -d DIR (no kill), catalogued as scheduled. */
    @Bean
    JavaDelegate takeScheduledCheckpointDelegate(WparCheckpointService service) {
        return step(e -> {
            String owner = Operation.idOf(e);
            CYCLES.set(e, CYCLES.orElse(e, 0L) + 1);
            try {
                var facts = service.check(origin(e), owner, WparCheckpointVariables.ACTION_CHECKPOINT, LPAR.get(e),
                        WPAR.get(e), false, null);
                var taken = service.checkpoint(origin(e), owner, "schedule", LPAR.get(e), WPAR.get(e),
                        facts.directory(), false, true);
                LAST_CHECKPOINT_ID.set(e, taken.checkpointId());
                LAST_OUTCOME.set(e, "CHECKPOINTED: checkpoint " + taken.checkpointId() + " in " + facts.directory());
            } catch (CheckpointRefusal refused) {
                LAST_OUTCOME.set(e, "SKIPPED: " + refused.code() + ": " + refused.getMessage());
            } finally {
                service.release(owner);
            }
        });
    }

    /** The newest KEEP scheduled checkpoints of the WPAR stay; older directories and rows go. */
    @Bean
    JavaDelegate applyCheckpointRetentionDelegate(WparCheckpointService service) {
        return step(e -> LAST_PRUNED.set(e, String.join("\n", service.prune(origin(e), WPAR.get(e),
                (int) Math.min(KEEP.get(e), Integer.MAX_VALUE)))));
    }

    /** End listener: a schedule stopped (its instance deleted) holds no lease. */
    @Bean
    ExecutionListener releaseScheduleLocksOnEndListener(WparCheckpointService service) {
        return e -> service.release(e.getProcessInstanceId());
    }
}
