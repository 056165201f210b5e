package dev.wparflow.process.preflight;

/**
 * The flow-node ids of PreflightProcess.bpmn, shared by the code and the model's tests ({@code ModelConstantsTest}
 * checks that each names an element of the model).
 */
public final class PreflightModel {

    public static final String START_EVENT_PREFLIGHT_REQUESTED = "StartEvent_PreflightRequested";
    public static final String TASK_PLAN_PREFLIGHT = "Task_PlanPreflight";
    public static final String SUB_PROCESS_CHECK_EACH_HOST = "SubProcess_CheckEachHost";
    public static final String START_EVENT_HOST_CHECK_STARTED = "StartEvent_HostCheckStarted";
    public static final String TASK_CHECK_HOST = "Task_CheckHost";
    public static final String END_EVENT_HOST_CHECKED = "EndEvent_HostChecked";
    public static final String TASK_SUMMARIZE_PREFLIGHT = "Task_SummarizePreflight";
    public static final String GATEWAY_EVERY_HOST_PASSED = "Gateway_EveryHostPassed";
    public static final String END_EVENT_PREFLIGHT_PASSED = "EndEvent_PreflightPassed";
    public static final String END_EVENT_PREFLIGHT_FAILED = "EndEvent_PreflightFailed";

    private PreflightModel() {
    }
}
