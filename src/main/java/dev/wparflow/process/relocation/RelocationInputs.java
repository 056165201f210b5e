package dev.wparflow.process.relocation;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.approval.ChangeApprovalVariables;
import dev.wparflow.process.evacuation.EvacuationVariables;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.relocation.live.LiveRelocationVariables;
import dev.wparflow.process.relocation.request.RelocationVariables;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/**
 * The relocation request (start form or REST). What is certain before any host is asked is refused at the start (400,
 * no instance): an LPAR the inventory does not know, the same LPAR on both sides. Whether the WPAR.name() is on the departing
 * LPAR and the target compatible is decided by the process on the hosts (the discovered inventory may be stale), which
 * ends REFUSED or INCOMPATIBLE with the reason; the moves are its sub-processes only.
 */
@Configuration(proxyBeanMethods = false)
class RelocationInputs {

    @Bean
    InputContract relocationContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                InputRules.wpar(WPAR.name()).mandatory(),
                rules.knownLpar(DEPARTING_LPAR.name()).mandatory(),
                rules.knownLpar(ARRIVING_LPAR.name()).defaultValue("a compatible LPAR chosen from the inventory"),
                InputField.flag(CHOOSE_FOR_ME.name()),
                InputRules.oneOfIgnoringCase(MODE.name(), MODE_AUTO, MODE_STATIC, MODE_LIVE).defaultValue(MODE_AUTO),
                InputField.flag(VALIDATE_ONLY.name()),
                InputRules.dateTime(MAINTENANCE_WINDOW_START.name()).defaultValue("none: right after the approval"),
                // passed on to ChangeApprovalProcess, which applies its defaults
                InputRules.duration(ChangeApprovalVariables.APPROVAL_TIMEOUT.name())
                        .defaultValue("wparflow.approval.timeout (PT24H)"),
                InputRules.duration(ChangeApprovalVariables.ESCALATION_TIMEOUT.name())
                        .defaultValue("wparflow.approval.escalation-timeout (PT24H)"),
                InputField.number(ChangeApprovalVariables.QUORUM.name(), 1, 5).defaultValue("1"))
                .internal(names(REQUESTER, RELOCATION_ID, LOCK_OWNER, CHOSEN_MODE, COMPATIBLE, CHECK_TABLE, SUMMARY, PLAN,
                        RISK_LEVEL, EXPECTED_OUTAGE, WINDOW_GIVEN, LOCKS_ACQUIRED, LOCK_HELD_BY, LOCK_ATTEMPTS,
                        APPROVAL_DECISION, APPROVAL_REASON, MOVE_OUTCOME, MOVE_REASON, FAILURE_CODE, FAILURE_REASON,
                        OUTCOME, OUTCOME_REASON))
                .crossRule(ARRIVING_LPAR.name(), "`arrivingLpar` differs from `departingLpar`", given -> {
                    String departing = given.get(DEPARTING_LPAR.name());
                    return departing != null && departing.equals(given.get(ARRIVING_LPAR.name()))
                            ? "must differ from departingLpar: departing and arriving LPAR are both " + departing
                            : null;
                });
    }

    @Bean
    InputContract staticRelocationContract() {
        return InputContract.subProcess(StaticRelocationVariables.PROCESS_ID, PROCESS_ID,
                EvacuationVariables.PROCESS_ID);
    }

    @Bean
    InputContract liveRelocationContract() {
        return InputContract.subProcess(LiveRelocationVariables.PROCESS_ID, PROCESS_ID,
                EvacuationVariables.PROCESS_ID);
    }
}
