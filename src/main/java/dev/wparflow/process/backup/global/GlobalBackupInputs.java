package dev.wparflow.process.backup.global;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.backup.global.GlobalBackupVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.process.InputRules;

/**
 * The global backup request (start form, REST, or a caller's call activity): an LPAR the inventory knows and an
 * optional one-line reason; anything else is refused at the start (400, no instance, nothing sent to a host).
 */
@Configuration(proxyBeanMethods = false)
class GlobalBackupInputs {

    static final int MAX_REASON = 500;

    @Bean
    InputContract globalBackupContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).mandatory(),
                InputRules.oneLine(REASON.name(), MAX_REASON))
                .calledBy("FleetBackupProcess", "LparMaintenanceProcess")
                .internal(names(BACKUP_RUN_ID, REQUESTED_AT, LEASE_TAKEN, OSLEVEL, IMAGE_BASE, TO_MOUNT,
                        VOLUME_GROUPS, VOLUME_GROUP, MKSYSB_RUN_ID, SAVEVG_RUN_ID, DONE, IMAGE_IDS, OUTCOME,
                        OUTCOME_REASON, FAILURE_CODE, FAILURE_REASON));
    }
}
