package dev.wparflow.process.preflight;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of PreflightProcess: the selection and counts only; the hosts and their findings are in our tables
 * (wparflow_preflight_*, keyed by the process instance id, which is the preflight run id).
 */
public final class PreflightVariables {

    public static final String PROCESS_ID = "PreflightProcess";

    /** input: the hosts to check, separated by commas or blanks; absent: every host of the inventory */
    public static final ProcessVariable<String> HOSTS = string("hosts");
    /** set by the start event from the authenticated user (empty when the application started the run) */
    public static final ProcessVariable<String> INITIATOR = string("initiator");
    /** the multi-instance element: one host name per instance */
    public static final ProcessVariable<String> HOST = string("host");
    /** local to one instance: whether every check on its host passed */
    public static final ProcessVariable<Boolean> HOST_PASSED = flag("hostPassed");

    public static final ProcessVariable<Integer> HOSTS_TOTAL = integer("hostsTotal");
    public static final ProcessVariable<Integer> HOSTS_FAILED = integer("hostsFailed");

    private PreflightVariables() {
    }

    /** The preflight run id: the process instance id. */
    public static String runId(DelegateExecution execution) {
        return execution.getProcessInstanceId();
    }
}
