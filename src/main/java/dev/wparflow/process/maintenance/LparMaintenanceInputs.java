package dev.wparflow.process.maintenance;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.maintenance.LparMaintenanceVariables.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.LparName;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.approval.ChangeApprovalVariables;

/**
 * The maintenance request (start form or REST): LPARs the inventory knows (a comma list, in rollout order) or a
 * managed system it knows; the update (installp filesets, install_all_updates, or an emgr fix package) from a
 * configured source directory; the rollout, the window, evacuation, backup, sync attempts. Anything else is refused at
 * the start (400 naming the field, no instance). What the update does on each LPAR is decided on the hosts (plan).
 */
@Configuration(proxyBeanMethods = false)
class LparMaintenanceInputs {

    static final int MAX_LPARS = 2000;
    static final int MAX_REASON = 500;

    @Bean
    InputContract lparMaintenanceContract(InputRules rules, MaintenanceSettings settings, MaintenanceScopes scopes) {
        return InputContract.operation(PROCESS_ID,
                InputField.text(LPARS.name()).maxLength(MAX_LPARS).rule("LPARs of the inventory separated by commas,"
                        + " in rollout order", v -> lparsRule(rules, v)),
                InputField.text(MANAGED_SYSTEM.name()).maxLength(63).rule("a managed system the inventory knows",
                        value -> {
                            LparName.of(value);
                            return scopes.managedSystemKnown(value) ? null
                                    : "the inventory knows no managed system " + InputRules.printable(value);
                        }),
                InputRules.oneOf(UPDATE_KIND.name(), MaintenanceUpdate.Kind.words()).mandatory(),
                InputField.text(SOURCE.name()).maxLength(1024).rule("a directory of wparflow.maintenance.sources or"
                        + " below one", v -> {
                            try {
                                return settings.sourceRefusal(v);
                            } catch (InvalidArgumentException bad) {
                                return bad.getMessage();
                            }
                        }).mandatory(),
                InputField.text(FILESETS.name()).maxLength(4000).rule("installp fileset names separated by commas",
                        LparMaintenanceInputs::filesetsRule),
                InputField.text(FIX_PACKAGE.name()).maxLength(255).rule("an emgr package file name in the source"
                        + " directory", v -> {
                            try {
                                return MaintenanceUpdate.fixPackageRule(v);
                            } catch (MaintenanceRefusal | InvalidArgumentException bad) {
                                return bad.getMessage();
                            }
                        }),
                InputRules.oneOf(ROLLOUT.name(), "one-at-a-time", "parallel").defaultValue("one-at-a-time"),
                InputField.number(PARALLEL.name(), 1, MaintenanceSettings.MAX_PARALLEL)
                        .defaultValue("2 (with rollout parallel)"),
                InputRules.dateTime(MAINTENANCE_WINDOW_START.name()).defaultValue("none: right after the approval"),
                InputRules.dateTime(MAINTENANCE_WINDOW_END.name()).defaultValue("none"),
                InputRules.oneOf(EVACUATE.name(), "none", "active").defaultValue("none"),
                InputField.flag(GLOBAL_BACKUP.name()).defaultValue("true"),
                InputField.number(SYNC_ATTEMPTS.name(), 1, MaintenanceSettings.MAX_SYNC_ATTEMPTS)
                        .defaultValue("wparflow.maintenance.sync-attempts (2)"),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON),
                // passed on to ChangeApprovalProcess, which applies its defaults
                InputRules.duration(ChangeApprovalVariables.APPROVAL_TIMEOUT.name())
                        .defaultValue("wparflow.approval.timeout (PT24H)"),
                InputRules.duration(ChangeApprovalVariables.ESCALATION_TIMEOUT.name())
                        .defaultValue("wparflow.approval.escalation-timeout (PT24H)"),
                InputField.number(ChangeApprovalVariables.QUORUM.name(), 1, 5).defaultValue("1"))
                .internal(names(INITIATOR, TO_UPDATE, LANES, BACKUP_FIRST, SUMMARY, PLAN, RISK_LEVEL, DECISION,
                        APPROVERS, APPROVAL_REASON, MAINT_LPAR, LPAR_LEASED, LPAR_EVACUATE, EVACUATION_ID,
                        EVACUATION_OUTCOME, EVACUATION_REASON, BACKUP_OUTCOME, BACKUP_REASON, BACKUP_IMAGE_IDS,
                        APPLY_RUN_ID, APPLIED, RETURN_OUTCOME, RETURN_REASON, SYNC_WPAR, FAILURE_CODE,
                        FAILURE_REASON, OUTCOME, OUTCOME_REASON))
                .crossRule(LPARS.name(), "exactly one of `lpars`, `managedSystem`", given -> {
                    int n = (given.get(LPARS.name()) != null ? 1 : 0)
                            + (given.get(MANAGED_SYSTEM.name()) != null ? 1 : 0);
                    return n == 1 ? null : "give exactly one of lpars and managedSystem, not " + n;
                })
                .crossRule(FILESETS.name(), "installp needs filesets (the other kinds ignore them)", given ->
                        "installp".equals(given.get(UPDATE_KIND.name())) && given.get(FILESETS.name()) == null
                                ? "installp needs the filesets to install" : null)
                .crossRule(FIX_PACKAGE.name(), "emgr needs fixPackage (the other kinds ignore it)", given ->
                        "emgr".equals(given.get(UPDATE_KIND.name())) && given.get(FIX_PACKAGE.name()) == null
                                ? "emgr needs the interim fix package (fixPackage)" : null)
                .crossRule(MAINTENANCE_WINDOW_END.name(), "the window ends after it starts", given -> {
                    Instant start = instant(given.get(MAINTENANCE_WINDOW_START.name()));
                    Instant end = instant(given.get(MAINTENANCE_WINDOW_END.name()));
                    return start != null && end != null && !end.isAfter(start)
                            ? "the window must end after it starts" : null;
                });
    }

    static String lparsRule(InputRules rules, String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            LparName.of(name);
            String refusal = rules.drivableHost(name);
            if (refusal != null) {
                return name + ": " + refusal;
            }
            if (names.contains(name)) {
                return name + " is listed twice";
            }
            names.add(name);
        }
        return names.isEmpty() ? "must name at least one LPAR" : null;
    }

    static String filesetsRule(String value) {
        int n = 0;
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                FilesetName.of(part.strip());
                n++;
            }
        }
        return n == 0 ? "must name at least one fileset" : null;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException notOffset) {
            try {
                return Instant.parse(text);
            } catch (RuntimeException bad) {
                return null;
            }
        }
    }
}
