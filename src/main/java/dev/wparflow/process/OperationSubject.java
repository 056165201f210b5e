package dev.wparflow.process;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What an operation is about and how it ended, in the words an operator reads in a task list or an operations list,
 * from the variables the processes write: "relocate wpr00 lpar00 → lpar01", outcome REFUSED with its reason.
 */
public final class OperationSubject {

    /** How an operation ended, or RUNNING; derived from the engine's state and the process's outcome variables. */
    public enum State {
        RUNNING, COMPLETED, REFUSED, REJECTED, FAILED, ROLLED_BACK, CANCELED
    }

    /** The variables the subject, the outcome and the reason are read from. */
    public static final String[] VARIABLES = {"wpar", "departingLpar", "arrivingLpar", "host", "imageId",
            "sourceLpar", "scope", "lpar", "targetLpar", "action", "wpars", "allWpars", "managedSystem", "returnFrom",
            "outcome", "outcomeReason", "failureCode", "failureReason",
            "summary"};

    /** Outcomes of a request that was refused as asked: nothing changed because the request could not be done. */
    private static final Set<String> REFUSALS = Set.of("REFUSED", "INCOMPATIBLE");

    private OperationSubject() {
    }

    /** "relocate wpr00 lpar00 → lpar01"; the process name when the process is none of the known operations. */
    public static String of(String processKey, String processName, Function<String, Object> variable) {
        String wpar = orElse(text(variable, "wpar"), "?");
        String host = orElse(text(variable, "host"), "?");
        String subject = switch (processKey == null ? "" : processKey) {
            case "WparRelocationProcess" -> "relocate " + wpar + " " + orElse(text(variable, "departingLpar"), "?") + " → "
                    + orElse(text(variable, "arrivingLpar"), "(to be chosen)");
            case "WparRestoreProcess" -> "restore " + wpar + " on " + host;
            case "WparCloneProcess" -> "clone " + orElse(text(variable, "imageId"), "an image") + " as " + wpar
                    + " on " + host;
            case "WparBackupProcess" -> "back up " + wpar + " on " + host;
            case "GlobalBackupProcess" -> "back up the global environment of " + orElse(text(variable, "lpar"), "?");
            case "WparProvisioningProcess" -> "provision " + wpar + " on " + orElse(text(variable, "lpar"),
                    orElse(text(variable, "targetLpar"), "(to be chosen)"));
            case "WparDecommissionProcess" -> "decommission " + wpar + " on " + orElse(text(variable, "lpar"), "?");
            case "WparResourceChangeProcess" -> "change the resource controls of " + wpar + " on "
                    + orElse(text(variable, "lpar"), "?");
            case "WparCheckpointProcess" -> ("restart".equals(text(variable, "action")) ? "restart " : "checkpoint ")
                    + wpar + " on " + orElse(text(variable, "lpar"), "?");
            case "WparLifecycleProcess" -> orElse(text(variable, "action"), "change") + " "
                    + (text(variable, "group") != null ? "relocation group " + text(variable, "group")
                            : (Boolean.parseBoolean(text(variable, "allWpars")) ? "every WPAR"
                                    : orElse(text(variable, "wpars"), "?")) + " on "
                                    + orElse(text(variable, "lpar"), "?"));
            case "WparSyncProcess" -> "sync the software of " + orElse(text(variable, "wpars"), "the drifting WPARs")
                    + " on " + orElse(text(variable, "lpar"), "?");
            case "FleetBackupProcess" -> "back up the fleet" + (text(variable, "scope") == null ? ""
                    : " (" + text(variable, "scope") + ")");
            case "RestoreDrillProcess" -> "restore drill";
            case "FleetDiscoveryProcess" -> "discover the fleet";
            case "EvacuationProcess" -> text(variable, "returnFrom") != null
                    ? "return home from evacuation " + text(variable, "returnFrom")
                    : "evacuate " + (text(variable, "managedSystem") != null ? "managed system "
                            + text(variable, "managedSystem") : "LPAR " + orElse(text(variable, "lpar"), "?"));
            case "LparMaintenanceProcess" -> orElse(text(variable, "updateKind"), "update") + " on "
                    + (text(variable, "managedSystem") != null ? "managed system " + text(variable, "managedSystem")
                            : "LPAR(s) " + orElse(text(variable, "lpars"), "?"));
            case "PreflightProcess" -> "preflight " + orElse(text(variable, "hosts"), "every host");
            default -> processName == null ? processKey : processName;
        };
        return subject;
    }

    /** The outcome as written by the process, or, for processes that write none, COMPLETED or FAILED. */
    public static State state(boolean ended, boolean canceled, Function<String, Object> variable) {
        if (!ended) {
            return State.RUNNING;
        }
        if (canceled) {
            return State.CANCELED;
        }
        String outcome = text(variable, "outcome");
        if (outcome != null) {
            String o = outcome.toUpperCase(Locale.ROOT);
            if (REFUSALS.contains(o)) {
                return State.REFUSED;
            }
            return switch (o) {
                case "REJECTED" -> State.REJECTED;
                case "ROLLED_BACK" -> State.ROLLED_BACK;
                case "FAILED", "ABSENT", "PARTIAL", "STOPPED" -> State.FAILED;
                default -> State.COMPLETED;
            };
        }
        return text(variable, "failureCode") != null ? State.FAILED : State.COMPLETED;
    }

    /** Why it ended so: the outcome's reason, else the failure (code: reason), else the summary. */
    public static String reason(Function<String, Object> variable) {
        String reason = text(variable, "outcomeReason");
        if (reason != null) {
            return reason;
        }
        String code = text(variable, "failureCode");
        String failure = text(variable, "failureReason");
        if (failure != null) {
            return code == null || failure.startsWith(code) ? failure : code + ": " + failure;
        }
        if (code != null) {
            return code;
        }
        return text(variable, "summary");
    }

    private static String text(Function<String, Object> variable, String name) {
        Object v = variable.apply(name);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
