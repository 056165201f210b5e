package dev.wparflow.process.decommission;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.decommission.WparDecommissionVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * The decommission request (start form or REST). A bad WPAR name, an LPAR the inventory does not know, a missing
 * reason or a malformed age are refused at the start (400, no instance); whether the WPAR is on the LPAR, NIM-managed
 * or locked is decided by the process on the hosts, which ends REFUSED with the reason.
 */
@Configuration(proxyBeanMethods = false)
class WparDecommissionInputs {

    /** Camunda keeps a String variable in a 4000-character column; the reason goes into the plan */
    static final int MAX_REASON = 500;

    @Bean
    InputContract wparDecommissionContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON).mandatory(),
                InputRules.duration(MAX_BACKUP_AGE.name()).defaultValue("wparflow.decommission.max-backup-age (PT24H)"),
                InputField.flag(TAKE_BACKUP_IF_MISSING.name()).defaultValue("true"))
                .internal(names(INITIATOR, WPAR_STATE, NIM_MASTER, NIM_MACHINE, BACKUP_FOUND, BACKUP_IMAGE_ID,
                        NEW_IMAGE_ID, BACKUP_FAILURE_CODE, BACKUP_FAILURE_REASON, SUMMARY, PLAN, DECISION, APPROVERS,
                        APPROVAL_REASON, FENCING_TOKEN, ADMIN_LOCKED, DONE, REMOVED, OUTCOME, OUTCOME_REASON,
                        FAILURE_CODE, FAILURE_REASON));
    }
}
