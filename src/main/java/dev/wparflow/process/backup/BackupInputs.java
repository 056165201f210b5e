package dev.wparflow.process.backup;

import static dev.wparflow.process.ProcessVariable.names;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.backup.fleet.FleetBackupVariables;
import dev.wparflow.process.backup.host.HostBackupVariables;
import dev.wparflow.process.backup.wpar.WparBackupVariables;

/**
 * Backup inputs: one WPAR (WparBackupProcess, also the fleet's child and the backup a decommission takes first), the
 * fleet on demand (message FleetBackupRequested); HostBackupProcess is the fleet's sub-process only. The host must be
 * one the inventory knows and the scope must resolve, so neither becomes an incident later.
 */
@Configuration(proxyBeanMethods = false)
class BackupInputs {

    @Bean
    InputContract wparBackupContract(InputRules rules) {
        return InputContract.operation(WparBackupVariables.PROCESS_ID,
                rules.host(WparBackupVariables.HOST.name()).mandatory(),
                InputRules.wpar(WparBackupVariables.WPAR.name()).mandatory(),
                InputRules.oneOfIgnoringCase(WparBackupVariables.CONSISTENCY.name(), "none", "stop", "quiesce")
                        .defaultValue("wparflow.backup.policies / wparflow.backup.consistency (none)"))
                .calledBy(HostBackupVariables.PROCESS_ID, "WparDecommissionProcess")
                .internal(names(WparBackupVariables.BACKUP_RUN_ID, WparBackupVariables.ITEM_ID,
                        WparBackupVariables.OSLEVEL, WparBackupVariables.REQUESTED_AT, WparBackupVariables.IMAGE_PATH,
                        WparBackupVariables.SAVE_RUN_ID, WparBackupVariables.IMAGE_ID, WparBackupVariables.MODE,
                        WparBackupVariables.WAS_ACTIVE));
    }

    @Bean
    InputContract hostBackupContract() {
        return InputContract.subProcess(HostBackupVariables.PROCESS_ID, FleetBackupVariables.PROCESS_ID);
    }

    @Bean
    InputContract fleetBackupContract(InputRules rules, BackupSettings settings) {
        return InputContract.operation(FleetBackupVariables.PROCESS_ID,
                InputField.text(FleetBackupVariables.SCOPE.name()).maxLength(4000).defaultValue("all")
                        .rule("all, host:NAME[,NAME...] (hosts of the inventory) or group:NAME (wparflow.backup.groups)",
                                scope -> scope(rules, settings, scope)),
                InputField.number(FleetBackupVariables.PER_HOST.name(), 1, 64)
                        .defaultValue("wparflow.backup.per-host (2)"),
                InputField.number(FleetBackupVariables.GLOBAL_LIMIT.name(), 0, 10_000)
                        .defaultValue("wparflow.backup.global-limit (0: none)"),
                InputRules.oneOfIgnoringCase(FleetBackupVariables.CONSISTENCY.name(), "none", "stop", "quiesce")
                        .defaultValue("per WPAR, as configured"))
                .internal(names(FleetBackupVariables.BACKUP_RUN_ID, FleetBackupVariables.HOSTS,
                        FleetBackupVariables.GLOBAL_ORDER,
                        HostBackupVariables.OSLEVEL, FleetBackupVariables.SUMMARY));
    }

    static String scope(InputRules rules, BackupSettings settings, String scope) {
        if (scope.equals("all")) {
            return null;
        }
        if (scope.startsWith("host:")) {
            List<String> hosts = List.of(scope.substring(5).split(",")).stream().map(String::strip)
                    .filter(h -> !h.isEmpty()).toList();
            if (hosts.isEmpty()) {
                return "host: must name at least one host";
            }
            for (String host : hosts) {
                String refusal = rules.knownHost(host);
                if (refusal != null) {
                    return "host " + InputRules.printable(host) + ": " + refusal;
                }
            }
            return null;
        }
        if (scope.startsWith("group:")) {
            String group = scope.substring(6);
            return settings.groups().containsKey(group) ? null
                    : "group " + InputRules.printable(group) + " is not in wparflow.backup.groups "
                            + settings.groups().keySet();
        }
        return "must be all, host:NAME[,NAME...] or group:NAME, not '" + InputRules.printable(scope) + "'";
    }
}
