package dev.wparflow.process.discovery;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of FleetDiscoveryProcess: counts only; the discovered data and the per-host results are in our tables
 * (wparflow_discovery_run / _result, keyed by the process instance id, which is the discovery run id).
 */
public final class FleetDiscoveryVariables {

    public static final String PROCESS_ID = "FleetDiscoveryProcess";
    /**
     * Starts a run on demand. Camunda 7 allows no none start event beside the timer start event, so the on-demand
     * start is this message start event.
     */
    public static final String REQUESTED_MESSAGE = "FleetDiscoveryRequested";

    /** set by the message start event from the authenticated user (empty when the timer started the run) */
    public static final ProcessVariable<String> INITIATOR = string("initiator");
    /** the multi-instance element: one LPAR name per instance */
    public static final ProcessVariable<String> LPAR_NAME = string("lparName");
    /** local to one instance: whether its host was discovered */
    public static final ProcessVariable<Boolean> HOST_OK = flag("hostOk");

    public static final ProcessVariable<Integer> SYSTEMS_TOTAL = integer("systemsTotal");
    public static final ProcessVariable<Integer> SYSTEMS_FAILED = integer("systemsFailed");
    public static final ProcessVariable<Integer> HOSTS_TOTAL = integer("hostsTotal");
    public static final ProcessVariable<Integer> HOSTS_OK = integer("hostsOk");
    public static final ProcessVariable<Integer> HOSTS_FAILED = integer("hostsFailed");
    public static final ProcessVariable<Integer> WPAR_COUNT = integer("wparCount");

    private FleetDiscoveryVariables() {
    }

    /** The discovery run id: the process instance id. */
    public static String runId(DelegateExecution execution) {
        return execution.getProcessInstanceId();
    }
}
