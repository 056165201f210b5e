package dev.wparflow.process.checkpoint.schedule;

/**
 * The flow-node ids of WparCheckpointScheduleProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class CheckpointScheduleModel {

    public static final String START_EVENT_SCHEDULE_STARTED = "StartEvent_ScheduleStarted";
    public static final String GATEWAY_JOIN_CYCLE = "Gateway_JoinCycle";
    public static final String TIMER_NEXT_CHECKPOINT = "Timer_NextCheckpoint";
    public static final String TASK_TAKE_SCHEDULED_CHECKPOINT = "Task_TakeScheduledCheckpoint";
    public static final String TASK_APPLY_RETENTION = "Task_ApplyRetention";

    private CheckpointScheduleModel() {
    }
}
