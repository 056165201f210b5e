package dev.wparflow.process.approval;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.approval.ChangeApprovalVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * What ChangeApprovalProcess takes when filed directly (README) and which operations call it. Who requests is
 * the authenticated starter, never an input; the quorum is fixed at the start.
 */
@Configuration(proxyBeanMethods = false)
class ChangeApprovalInputs {

    @Bean
    InputContract changeApprovalContract() {
        return InputContract.operation(PROCESS_ID,
                InputRules.oneLine(SUMMARY.name(), ValidateChangeRequestListener.MAX_SUMMARY_LENGTH).mandatory(),
                InputField.text(PLAN.name()).mandatory(),
                InputRules.oneOf(RISK_LEVEL.name(), "low", "medium", "high").mandatory(),
                InputField.number(QUORUM.name(), 1, ValidateChangeRequestListener.MAX_QUORUM).defaultValue("1"),
                InputRules.duration(APPROVAL_TIMEOUT.name()).defaultValue("wparflow.approval.timeout (PT24H)"),
                InputRules.duration(ESCALATION_TIMEOUT.name()).defaultValue("wparflow.approval.escalation-timeout (PT24H)"))
                .calledBy("WparRelocationProcess", "WparRestoreProcess", "WparProvisioningProcess",
                        "WparDecommissionProcess", "WparResourceChangeProcess", "WparCheckpointProcess",
                        "WparLifecycleProcess", "EvacuationProcess", "WparSyncProcess",
                        "LparMaintenanceProcess")
                .internal(names(REQUESTER, INITIATOR, DECISION, REASON, APPROVERS, APPROVAL_COUNT, DECIDED_BY));
    }
}
