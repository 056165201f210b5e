package dev.wparflow.process.evacuation;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.evacuation.EvacuationVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.LparName;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.approval.ChangeApprovalVariables;

/**
 * The evacuation request (start form or REST): exactly one of an LPAR the inventory knows, a managed system the
 * inventory knows, or an evacuation to bring back (returnFrom); an optional window; optional limits. Anything else is
 * refused at the start (400 naming the field, no instance). Which WPARs move where is decided by the process on the
 * hosts.
 */
@Configuration(proxyBeanMethods = false)
class EvacuationInputs {

    @Bean
    InputContract evacuationContract(InputRules rules, EvacuationScopes scopes) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).defaultValue("none: give lpar, managedSystem or returnFrom"),
                InputField.text(MANAGED_SYSTEM.name()).maxLength(63).rule("a managed system the inventory knows",
                        value -> {
                            LparName.of(value);
                            return scopes.managedSystemKnown(value) ? null
                                    : "the inventory knows no managed system " + InputRules.printable(value);
                        }).defaultValue("none"),
                InputField.text(RETURN_FROM.name()).maxLength(64).rule("the id of a recorded evacuation",
                        value -> scopes.evacuationRecorded(value) ? null
                                : "no evacuation " + InputRules.printable(value) + " is recorded")
                        .defaultValue("none"),
                InputField.flag(ACTIVE_ONLY.name()).defaultValue("false: every WPAR of the scope"),
                InputRules.dateTime(MAINTENANCE_WINDOW_START.name()).defaultValue("none: right after the approval"),
                InputField.number(PER_SOURCE.name(), 1, 16).defaultValue("wparflow.evacuation.per-source (2)"),
                InputField.number(PER_TARGET.name(), 1, 16).defaultValue("wparflow.evacuation.per-target (2)"),
                InputField.number(GLOBAL_LIMIT.name(), 1, 64).defaultValue("wparflow.evacuation.global (4)"),
                InputField.number(STOP_AFTER_FAILURES.name(), 1, 1000)
                        .defaultValue("wparflow.evacuation.stop-after-failures (2)"),
                // passed on to ChangeApprovalProcess, which applies its defaults
                InputRules.duration(ChangeApprovalVariables.APPROVAL_TIMEOUT.name())
                        .defaultValue("wparflow.approval.timeout (PT24H)"),
                InputRules.duration(ChangeApprovalVariables.ESCALATION_TIMEOUT.name())
                        .defaultValue("wparflow.approval.escalation-timeout (PT24H)"),
                InputField.number(ChangeApprovalVariables.QUORUM.name(), 1, 5).defaultValue("1"))
                .internal(names(INITIATOR, MOVABLE, LANES, SUMMARY, PLAN, RISK_LEVEL, DECISION, APPROVERS,
                        APPROVAL_REASON, MOVE_WPAR, MOVE_DEPARTING, MOVE_ARRIVING, MOVE_MODE, LANE_BLOCKED,
                        MOVE_OUTCOME, MOVE_REASON, FAILURE_CODE, FAILURE_REASON, OUTCOME, OUTCOME_REASON))
                // a maintenance empties an LPAR before its update and brings the WPARs back afterwards
                .calledBy("LparMaintenanceProcess")
                .crossRule(LPAR.name(), "exactly one of `lpar`, `managedSystem`, `returnFrom`", given -> {
                    int n = (given.get(LPAR.name()) != null ? 1 : 0)
                            + (given.get(MANAGED_SYSTEM.name()) != null ? 1 : 0)
                            + (given.get(RETURN_FROM.name()) != null ? 1 : 0);
                    return n == 1 ? null : "give exactly one of lpar, managedSystem and returnFrom, not " + n;
                });
    }
}
