package dev.wparflow.process.checkpoint;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.checkpoint.WparCheckpointVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * The checkpoint or restart request (start form or REST). An unknown action, a bad WPAR name, an LPAR the inventory
 * does not know, a checkpoint id that is not a positive number, a restart without one, a restart with kill, are refused at the start (400, no instance); whether
 * the WPAR is checkpointable, the checkpoint exists and is of that WPAR is decided by the process before anything
 * runs, which ends REFUSED with the reason.
 */
@Configuration(proxyBeanMethods = false)
class WparCheckpointInputs {

    static final int MAX_REASON = 500;

    @Bean
    InputContract wparCheckpointContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                InputRules.oneOf(ACTION.name(), ACTION_CHECKPOINT, ACTION_RESTART).mandatory(),
                rules.knownLpar(LPAR.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                InputField.flag(KILL.name()).defaultValue("false"),
                InputField.number(CHECKPOINT_ID.name(), 1, Integer.MAX_VALUE),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON))
                .crossRule(CHECKPOINT_ID.name(), "a restart names its checkpoint", given ->
                        ACTION_RESTART.equals(given.get(ACTION.name())) && !given.containsKey(CHECKPOINT_ID.name())
                                ? "is required for a restart (GET /api/checkpoints lists them)" : null)
                .crossRule(KILL.name(), "kill is for a checkpoint", given ->
                        ACTION_RESTART.equals(given.get(ACTION.name())) && "true".equals(given.get(KILL.name()))
                                ? "is for a checkpoint only (chkptwpar -k)" : null)
                .internal(names(INITIATOR, DIRECTORY, SOURCE_LPAR, APPROVAL_REQUIRED, SUMMARY, PLAN, DECISION,
                        APPROVERS, APPROVAL_REASON, DONE, OUTCOME, OUTCOME_REASON, FAILURE_CODE, FAILURE_REASON));
    }
}
