package dev.wparflow.process.software.sync;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.software.sync.WparSyncVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.aix.WparName;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * The sync request (start form or REST). An LPAR the inventory does not know, a WPAR name that breaks the AIX rules
 * (shell metacharacters included), a source that is not an absolute path without metacharacters, attempts out of
 * 1-10: refused at the start (400, no instance). Which WPARs drift, whether the WPARs named are on the LPAR and free,
 * and whether a detached one has a source, is measured on the host by the first step, which ends REFUSED.
 */
@Configuration(proxyBeanMethods = false)
class WparSyncInputs {

    static final int MAX_REASON = 500;
    static final int MAX_WPARS = 2000;

    @Bean
    InputContract wparSyncContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).mandatory(),
                InputField.text(WPARS.name()).maxLength(MAX_WPARS).rule("AIX WPAR names separated by commas", v -> {
                    WparName.commaList(v);
                    return null;
                }),
                InputField.text(SOURCE.name()).maxLength(255).rule("an absolute directory path (installp -d)", v -> {
                    try {
                        SoftwareSource.of(v);
                        return null;
                    } catch (InvalidArgumentException bad) {
                        return bad.getMessage();
                    }
                }).defaultValue("wparflow.software.sync.source (none)"),
                InputField.number(ATTEMPTS.name(), 1, WparSyncSettings.MAX_ATTEMPTS)
                        .defaultValue("wparflow.software.sync.attempts (3)"),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON))
                .internal(names(INITIATOR, WPARS_TO_SYNC, APPROVAL_REQUIRED, SUMMARY, PLAN, DECISION, APPROVERS,
                        APPROVAL_REASON, SYNC_WPAR, WPAR_SYNCED, RETRY_WPAR, LOOP_COUNTER, SYNCED, FAILED, OUTCOME,
                        OUTCOME_REASON, FAILURE_CODE, FAILURE_REASON));
    }
}
