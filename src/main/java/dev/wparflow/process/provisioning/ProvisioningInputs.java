package dev.wparflow.process.provisioning;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.provisioning.WparProvisioningVariables.*;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.Validators;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.catalog.TemplateRules;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.process.InputRules;

/**
 * The provisioning request (start form or REST). Everything certain before a host is asked is refused at the start
 * (400 naming the field, no instance): names by AIX's rules, an LPAR, managed system, template or image the inventory
 * and catalogs do not know, a name, hostname or address a WPAR of the inventory has, an application WPAR through NIM,
 * resource controls that break chapter 8's rules on their own. What only the hosts can tell (free on the target, room,
 * the sum of the running WPARs' CPU minimums) the plan step decides, ending REFUSED before any approval.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningInputs {

    private static final java.util.regex.Pattern IMAGE_ID_PATTERN =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Bean
    InputContract provisioningContract(InputRules rules, FleetInventory inventory, TemplateCatalog templates,
            ImageCatalog images, InventoryRepository wpars) {
        return InputContract.operation(PROCESS_ID,
                InputRules.wpar(WPAR.name()).mandatory(),
                InputField.text(HOSTNAME.name()).maxLength(255).defaultValue("the WPAR name")
                        .rule("an RFC 1123 host name", v -> valid(() -> Validators.hostName(HOSTNAME.name(), v))),
                InputField.text(ADDRESS.name()).maxLength(45).defaultValue("the template's network, or none")
                        .rule("an IPv4 or IPv6 address", v -> valid(() -> Validators.ipAddress(ADDRESS.name(), v))),
                InputField.text(INTERFACE.name()).maxLength(15).defaultValue("mkwpar's choice (the LPAR's en0)")
                        .rule("an interface name", v -> valid(() -> Validators.interfaceName(INTERFACE.name(), v))),
                InputField.text(NETMASK.name()).maxLength(45).defaultValue("the interface's")
                        .rule("an IPv4 netmask", v -> valid(() -> Validators.ipAddress(NETMASK.name(), v))),
                rules.knownLpar(LPAR.name()).defaultValue("choose for me"),
                InputField.text(MANAGED_SYSTEM.name()).maxLength(63).defaultValue("any")
                        .rule("a managed system of the inventory", v -> inventory.current().managedSystem(v).isPresent()
                                ? null : "must be a managed system of the inventory"),
                InputRules.oneOfIgnoringCase(SOURCE.name(), SOURCE_TEMPLATE, SOURCE_IMAGE, SOURCE_COPY)
                        .defaultValue(SOURCE_TEMPLATE),
                InputField.text(TEMPLATE.name()).maxLength(40).defaultValue("none (required for source template)")
                        .rule("a template of the catalog (GET /api/templates)", v ->
                                TemplateRules.NAME.matcher(v).matches() && templates.find(v).isPresent() ? null
                                        : "must be a template of the catalog (GET /api/templates), not '"
                                                + InputRules.printable(v) + "'"),
                InputField.text(IMAGE_ID.name()).maxLength(64).defaultValue("none (required for source image)")
                        .rule("a GOOD image of the catalog (GET /api/images)", v -> IMAGE_ID_PATTERN.matcher(v).matches()
                                && images.find(v).filter(i -> i.state() == CatalogImage.State.GOOD).isPresent() ? null
                                        : "must be a GOOD image of the catalog (GET /api/images), not '"
                                                + InputRules.printable(v) + "'"),
                rules.knownLpar(COPY_FROM_LPAR.name()).defaultValue("none (required for source copy)"),
                InputRules.wpar(COPY_FROM_WPAR.name()).defaultValue("none (required for source copy)"),
                InputRules.oneOfIgnoringCase(METHOD.name(), METHOD_AUTO, METHOD_NIM, METHOD_DIRECT)
                        .defaultValue(METHOD_AUTO + ": NIM when the LPAR is a client of a NIM master"),
                InputRules.oneOfIgnoringCase(WPAR_TYPE.name(), TYPE_SYSTEM, TYPE_APPLICATION).defaultValue(TYPE_SYSTEM),
                InputField.flag(START.name()).defaultValue("true"),
                InputRules.oneOfIgnoringCase(CHECKPOINTABLE.name(), "yes", "no").defaultValue("as the source says"),
                count(CPU_SHARES.name(), 65535),
                limits(CPU_LIMITS.name()),
                count(MEMORY_SHARES.name(), 65535),
                limits(MEMORY_LIMITS.name()),
                InputField.text(PROC_VIRT_MEM.name()).maxLength(16).defaultValue("unlimited")
                        .rule("a size such as 512MB, 2GB or 1TB",
                                v -> valid(() -> ResourceControls.parseSizeMb(PROC_VIRT_MEM.name(), v))),
                count(TOTAL_PROCESSES.name(), Integer.MAX_VALUE),
                count(TOTAL_THREADS.name(), Integer.MAX_VALUE),
                InputRules.oneLine(CHANGE_REASON.name(), 1000).defaultValue("none"))
                .internal(names(REQUESTER, TARGET_LPAR, CHOSEN_METHOD, NIM_MASTER, APPROVAL_REQUIRED, SUMMARY, PLAN,
                        RISK_LEVEL, APPROVAL_DECISION, APPROVAL_REASON, APPROVERS, CREATE_RUN_ID, VERIFIED,
                        RECORD_OUTCOME, FAILURE_CODE, FAILURE_REASON, ROLLBACK_REPORT, OUTCOME, OUTCOME_REASON))
                .crossRule(TEMPLATE.name(), "source template names a template", given ->
                        is(given, SOURCE.name(), SOURCE_TEMPLATE, true) && !given.containsKey(TEMPLATE.name())
                                ? "is required with source template (GET /api/templates)" : null)
                .crossRule(IMAGE_ID.name(), "source image names an image", given ->
                        is(given, SOURCE.name(), SOURCE_IMAGE, false) && !given.containsKey(IMAGE_ID.name())
                                ? "is required with source image (GET /api/images)" : null)
                .crossRule(COPY_FROM_WPAR.name(), "source copy names the WPAR and its LPAR", given ->
                        is(given, SOURCE.name(), SOURCE_COPY, false) && (!given.containsKey(COPY_FROM_WPAR.name())
                                || !given.containsKey(COPY_FROM_LPAR.name()))
                                ? "copyFromWpar and copyFromLpar are required with source copy" : null)
                .crossRule(WPAR_TYPE.name(), "NIM manages system WPARs only (Redbook 7.3)", given ->
                        is(given, WPAR_TYPE.name(), TYPE_APPLICATION, false) && is(given, METHOD.name(), METHOD_NIM, false)
                                ? "application WPARs are not supported by NIM (Redbook 7.3): use method direct" : null)
                .crossRule(WPAR_TYPE.name(), "an application WPAR comes from a template", given ->
                        is(given, WPAR_TYPE.name(), TYPE_APPLICATION, false) && !is(given, SOURCE.name(), SOURCE_TEMPLATE, true)
                                ? "an application WPAR is created from a template (wparexec -f); images and copies "
                                        + "are of system WPARs" : null)
                .crossRule(TOTAL_THREADS.name(), "totalThreads ≥ totalProcesses (Redbook 8)", given -> {
                    String p = given.get(TOTAL_PROCESSES.name());
                    String t = given.get(TOTAL_THREADS.name());
                    return p != null && t != null && Long.parseLong(t) < Long.parseLong(p)
                            ? "must be greater than or equal to totalProcesses (" + p + ")" : null;
                })
                .crossRule(WPAR.name(), "name, hostname and address free in the inventory", given ->
                        takenInInventory(wpars, given))
                .crossRule(CPU_LIMITS.name(), "with the running WPARs of the LPAR, CPU minimums ≤ 100 % (Redbook 8)",
                        given -> cpuMinimums(wpars, templates, given));
    }

    private static String takenInInventory(InventoryRepository wpars, Map<String, String> given) {
        String name = given.get(WPAR.name());
        String hostname = given.getOrDefault(HOSTNAME.name(), name);
        return WparProvisioningService.takenInInventory(wpars, name, hostname, given.get(ADDRESS.name()))
                .map(ProvisioningRefusal::getMessage).orElse(null);
    }

    /**
     * "The sum of minimum percentage for all running WPARs must not exceed 100" (RB:11177), on the inventory's last
     * discovery; the plan checks it again on the LPAR itself.
     */
    private static String cpuMinimums(InventoryRepository wpars, TemplateCatalog templates, Map<String, String> given) {
        String lpar = given.get(LPAR.name());
        if (lpar == null || "false".equalsIgnoreCase(given.get(START.name()))) {
            return null;
        }
        java.math.BigDecimal wanted;
        if (given.containsKey(CPU_LIMITS.name())) {
            wanted = ResourceControls.Limits.parse(CPU_LIMITS.name(), given.get(CPU_LIMITS.name())).minimum();
        } else if (is(given, SOURCE.name(), SOURCE_TEMPLATE, true) && given.containsKey(TEMPLATE.name())) {
            wanted = templates.find(given.get(TEMPLATE.name())).map(t -> t.spec().resourceControls().cpuMinimum())
                    .orElse(java.math.BigDecimal.ZERO);
        } else {
            return null;
        }
        java.math.BigDecimal running = wpars.runningCpuMinimums(lpar);
        java.math.BigDecimal sum = running.add(wanted);
        return sum.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                ? "a CPU minimum of " + wanted.stripTrailingZeros().toPlainString() + "% on " + lpar + ", whose running "
                        + "WPARs hold " + running.stripTrailingZeros().toPlainString() + "% (last discovery), would take "
                        + "the sum of minimums over 100% (Redbook 8)"
                : null;
    }

    private static boolean is(Map<String, String> given, String field, String value, boolean byDefault) {
        String v = given.get(field);
        return v == null ? byDefault : v.equalsIgnoreCase(value);
    }

    private static InputField count(String name, long max) {
        return InputField.text(name).maxLength(10).defaultValue("unlimited").rule("a whole number 1-" + max, v -> {
            try {
                long n = Long.parseLong(v);
                return n < 1 || n > max ? "must be between 1 and " + max : null;
            } catch (NumberFormatException e) {
                return "must be a whole number, not '" + InputRules.printable(v) + "'";
            }
        });
    }

    private static InputField limits(String name) {
        return InputField.text(name).maxLength(32).defaultValue("0%-100%,100%")
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
