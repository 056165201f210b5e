package dev.wparflow.process.lifecycle;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.lifecycle.WparLifecycleVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.catalog.InvalidTemplateException;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.aix.WparName;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * The lifecycle request (start form or REST). An LPAR the inventory does not know, an action that is none of the
 * five, a WPAR name that breaks the AIX rules (shell metacharacters included), a parallelism out of 1-10, a drain
 * command with a word that would need quoting, not exactly one of a list, allWpars and a group, a relocation group
 * that does not exist, an lpar with a group or none without one: refused at the start (400, no instance). Whether
 * the WPARs are on the LPAR (for a group: where the inventory finds each member) and free is decided by the checks,
 * which end REFUSED.
 */
@Configuration(proxyBeanMethods = false)
class WparLifecycleInputs {

    static final int MAX_REASON = 500;
    static final int MAX_WPARS = 2000;

    @Bean
    InputContract wparLifecycleContract(InputRules rules, RelocationGroups groups) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()),
                InputRules.oneOf(ACTION.name(), LifecycleAction.words()).mandatory(),
                InputField.text(WPARS.name()).maxLength(MAX_WPARS).rule("AIX WPAR names separated by commas", v -> {
                    WparName.commaList(v);
                    return null;
                }),
                InputField.flag(ALL_WPARS.name()).defaultValue("false"),
                InputField.text(GROUP.name()).maxLength(40).rule("a relocation group (/api/relocation-groups)", v -> {
                    try {
                        RelocationGroup.name(v);
                    } catch (InvalidTemplateException bad) {
                        return bad.getMessage();
                    }
                    return groups.find(v).isPresent() ? null : "must be a relocation group ("
                            + known(groups) + "), not '" + v + "'";
                }),
                InputField.number(PARALLELISM.name(), 1, LifecycleSettings.MAX_PARALLELISM)
                        .defaultValue("wparflow.lifecycle.parallelism (3)"),
                InputField.text(DRAIN_COMMAND.name()).maxLength(200).rule("a program and words that need no quoting"
                        + " ([A-Za-z0-9_@%+=:,./-])", v -> {
                            try {
                                WparLifecycleService.drainWords(v);
                                return null;
                            } catch (InvalidArgumentException bad) {
                                return bad.getMessage();
                            }
                        }),
                InputField.flag(START_AFTER_RECOVERY.name()).defaultValue("false"),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON))
                .crossRule(WPARS.name(), "exactly one of wpars (a list), allWpars and group", given ->
                        WparLifecycleService.selectionRule(given.get(WPARS.name()),
                                Boolean.parseBoolean(given.get(ALL_WPARS.name())), given.get(GROUP.name())))
                .crossRule(LPAR.name(), "lpar is required, except with a group (each member on the LPAR the"
                        + " inventory finds it on)", given -> WparLifecycleService.lparRule(given.get(LPAR.name()),
                                given.get(GROUP.name())))
                .internal(names(INITIATOR, LANE_COUNT, APPROVAL_REQUIRED, SUMMARY, PLAN, DECISION, APPROVERS,
                        APPROVAL_REASON, WPAR, LOOP_COUNTER, SUCCEEDED, FAILED, OUTCOME, OUTCOME_REASON, FAILURE_CODE,
                        FAILURE_REASON));
    }

    private static String known(RelocationGroups groups) {
        java.util.List<String> names = groups.list().stream().map(g -> g.name()).limit(30).toList();
        return names.isEmpty() ? "none defined" : String.join(", ", names);
    }
}
