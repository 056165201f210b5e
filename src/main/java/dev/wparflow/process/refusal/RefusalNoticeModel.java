package dev.wparflow.process.refusal;

/**
 * The flow-node ids of RefusalNoticeProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class RefusalNoticeModel {

    public static final String START_EVENT_NOTICE_GIVEN = "StartEvent_NoticeGiven";
    public static final String TASK_ACKNOWLEDGE_OUTCOME = "Task_AcknowledgeOutcome";
    public static final String BOUNDARY_EVENT_NOTICE_EXPIRED = "BoundaryEvent_NoticeExpired";
    public static final String END_EVENT_ACKNOWLEDGED = "EndEvent_Acknowledged";
    public static final String END_EVENT_NOTICE_EXPIRED = "EndEvent_NoticeExpired";

    private RefusalNoticeModel() {
    }
}
