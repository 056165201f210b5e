package dev.wparflow.process.discovery;

/**
 * The flow-node ids of FleetDiscoveryProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class FleetDiscoveryModel {

    public static final String START_EVENT_DISCOVERY_DUE = "StartEvent_DiscoveryDue";
    public static final String START_EVENT_DISCOVERY_REQUESTED = "StartEvent_DiscoveryRequested";
    public static final String TASK_DISCOVER_MANAGED_SYSTEMS = "Task_DiscoverManagedSystems";
    public static final String SUB_PROCESS_DISCOVER_EACH_LPAR = "SubProcess_DiscoverEachLpar";
    public static final String START_EVENT_LPAR_DISCOVERY_STARTED = "StartEvent_LparDiscoveryStarted";
    public static final String TASK_DISCOVER_LPAR = "Task_DiscoverLpar";
    public static final String END_EVENT_LPAR_DISCOVERED = "EndEvent_LparDiscovered";
    public static final String TASK_SUMMARIZE_DISCOVERY = "Task_SummarizeDiscovery";
    public static final String GATEWAY_EVERYTHING_DISCOVERED = "Gateway_EverythingDiscovered";
    public static final String END_EVENT_FLEET_DISCOVERED = "EndEvent_FleetDiscovered";
    public static final String END_EVENT_FLEET_PARTLY_DISCOVERED = "EndEvent_FleetPartlyDiscovered";

    private FleetDiscoveryModel() {
    }
}
