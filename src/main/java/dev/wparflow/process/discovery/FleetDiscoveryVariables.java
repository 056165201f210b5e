package dev.wparflow.process.discovery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import dev.wparflow.aix.Origin;

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
    public static final String INITIATOR = "initiator";
    /** the multi-instance element: one LPAR name per instance */
    public static final String LPAR_NAME = "lparName";
    /** local to one instance: whether its host was discovered */
    public static final String HOST_OK = "hostOk";

    public static final String SYSTEMS_TOTAL = "systemsTotal";
    public static final String SYSTEMS_FAILED = "systemsFailed";
    public static final String HOSTS_TOTAL = "hostsTotal";
    public static final String HOSTS_OK = "hostsOk";
    public static final String HOSTS_FAILED = "hostsFailed";
    public static final String WPAR_COUNT = "wparCount";

    private FleetDiscoveryVariables() {
    }

    /** The discovery run id: the process instance id. */
    public static String runId(DelegateExecution execution) {
        return execution.getProcessInstanceId();
    }

    public static String initiator(VariableScope scope) {
        return (String) scope.getVariable(INITIATOR);
    }

    public static String lparName(VariableScope scope) {
        return (String) scope.getVariable(LPAR_NAME);
    }

    public static int hostsFailed(VariableScope scope) {
        Object v = scope.getVariable(HOSTS_FAILED);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /** Transcripts of the commands a step runs name its instance and activity. */
    public static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
