package dev.wparflow.process.restore.drill;

/**
 * The flow-node ids of RestoreDrillProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class RestoreDrillModel {

    public static final String START_EVENT_WEEKLY = "StartEvent_Weekly";
    public static final String START_EVENT_ON_DEMAND = "StartEvent_OnDemand";
    public static final String TASK_PICK_SAMPLE = "Task_PickSample";
    public static final String SUB_PROCESS_DRILL_IMAGE = "SubProcess_DrillImage";
    public static final String START_EVENT_DRILL_IMAGE = "StartEvent_DrillImage";
    public static final String CALL_ACTIVITY_CLONE_TO_SCRATCH = "CallActivity_CloneToScratch";
    public static final String TASK_REMOVE_SCRATCH = "Task_RemoveScratch";
    public static final String TASK_RECORD_DRILL_RESULT = "Task_RecordDrillResult";
    public static final String END_EVENT_IMAGE_DRILLED = "EndEvent_ImageDrilled";
    public static final String TASK_VERIFY_GLOBAL_IMAGES = "Task_VerifyGlobalImages";
    public static final String END_EVENT_DRILL_DONE = "EndEvent_DrillDone";

    private RestoreDrillModel() {
    }
}
