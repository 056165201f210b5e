package dev.wparflow.process.resources;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.resources.WparResourceChangeVariables.*;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.ProcessVariable;

/**
 * The resource change request (start form or REST). A bad WPAR name, an LPAR the inventory does not know, a missing
 * reason, a percentage out of 0-100 or with more than two decimals, a minimum over the soft maximum or a soft maximum
 * over the hard maximum (Redbook 8.2.1), shares out of 1-65535 and a malformed size are refused at the start (400, no
 * instance), and so is a WPAR the last discovery of the LPAR did not find there; the rules that need the hosts (the WPAR on
 * an LPAR never discovered, the controls as lswpar -R shows them, the minimums of the running WPARs) are the
 * process's.
 */
@Configuration(proxyBeanMethods = false)
class WparResourceChangeInputs {

    static final int MAX_REASON = 500;

    @Bean
    InputContract wparResourceChangeContract(InputRules rules, InventoryRepository inventory) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                InputRules.oneLine(CHANGE_REASON.name(), MAX_REASON).mandatory(),
                count(CPU_SHARES.name(), 65535),
                limits(CPU_LIMITS.name()),
                count(MEMORY_SHARES.name(), 65535),
                limits(MEMORY_LIMITS.name()),
                InputField.text(PROC_VIRT_MEM.name()).maxLength(16).rule("a size such as 512MB, 2GB or 1TB",
                        v -> valid(() -> ResourceControls.parseSizeMb(PROC_VIRT_MEM.name(), v))),
                count(TOTAL_PROCESSES.name(), Integer.MAX_VALUE),
                count(TOTAL_THREADS.name(), Integer.MAX_VALUE))
                .crossRule(CPU_SHARES.name(), "at least one control to change", given -> CONTROLS.stream()
                        .anyMatch(v -> given.containsKey(v.name())) ? null
                                : "name at least one control to change (cpuShares, cpuLimits, memoryShares,"
                                        + " memoryLimits, procVirtMem, totalProcesses, totalThreads)")
                .crossRule(WPAR.name(), "on the LPAR, when the last discovery of the LPAR has read its WPARs",
                        given -> notDiscovered(inventory, given.get(LPAR.name()), given.get(WPAR.name())))
                .crossRule(TOTAL_THREADS.name(), "at least totalProcesses (Redbook Example 8-4)", given ->
                        !given.containsKey(TOTAL_THREADS.name()) || !given.containsKey(TOTAL_PROCESSES.name())
                                || Long.parseLong(given.get(TOTAL_THREADS.name()))
                                        >= Long.parseLong(given.get(TOTAL_PROCESSES.name())) ? null
                                : "must be greater than or equal to totalProcesses (" + given.get(TOTAL_PROCESSES.name())
                                        + ", Redbook Example 8-4)")
                .internal(names(INITIATOR, WPAR_STATE, REQUESTED, BEFORE, LPAR_MEMORY_MB, SUMMARY, PLAN, DECISION,
                        APPROVERS, APPROVAL_REASON, DONE, VERIFIED, DIFFERENCES, ROLLED_BACK, OUTCOME, OUTCOME_REASON,
                        FAILURE_CODE, FAILURE_REASON));
    }

    /**
     * A WPAR the last discovery of the LPAR did not find there (certain before any host is asked, unless it is newer
     * than that discovery: the message says how to refresh it); an LPAR never discovered is left to the process, which
     * asks lswpar.
     */
    static String notDiscovered(InventoryRepository inventory, String lpar, String wpar) {
        if (lpar == null || wpar == null) {
            return null;
        }
        Optional<LparProfile> profile = inventory.lpar(lpar);
        if (profile.isEmpty() || profile.get().discoveredAt() == null) {
            return null;
        }
        List<String> names = inventory.wparsOf(lpar).stream().map(WparRecord::name).toList();
        if (names.contains(wpar)) {
            return null;
        }
        return "is not on " + lpar + " by its last discovery (" + profile.get().discoveredAt() + ": "
                + (names.isEmpty() ? "no WPARs" : String.join(", ", names)) + "), not '" + InputRules.printable(wpar)
                + "'; a WPAR created since: POST /api/discovery first";
    }

    /** The controls of the request (Table 8-1), each optional; at least one is given. */
    static final List<ProcessVariable<String>> CONTROLS = List.of(CPU_SHARES, CPU_LIMITS, MEMORY_SHARES, MEMORY_LIMITS,
            PROC_VIRT_MEM, TOTAL_PROCESSES, TOTAL_THREADS);

    private static InputField count(String name, long max) {
        return InputField.text(name).maxLength(10).rule("a whole number 1-" + max, v -> {
            try {
                long n = Long.parseLong(v);
                return n < 1 || n > max ? "must be between 1 and " + max : null;
            } catch (NumberFormatException e) {
                return "must be a whole number, not '" + InputRules.printable(v) + "'";
            }
        });
    }

    /** MIN%-SOFTMAX%,HARDMAX%: each 0-100 with at most two decimals, min <= soft max <= hard max. */
    private static InputField limits(String name) {
        return InputField.text(name).maxLength(32)
                .rule("MIN%-SOFTMAX%,HARDMAX%, each 0-100, min ≤ soft max ≤ hard max (Redbook 8)",
                        v -> valid(() -> ResourceControls.Limits.parse(name, v)));
    }

    private static String valid(Runnable check) {
        try {
            check.run();
            return null;
        } catch (InvalidArgumentException e) {
            return e.rule();
        }
    }
}
