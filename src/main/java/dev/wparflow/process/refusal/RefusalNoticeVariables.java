package dev.wparflow.process.refusal;

/** Variables of RefusalNoticeProcess: the task that tells a requester their operation was not done, and why. */
public final class RefusalNoticeVariables {

    public static final String PROCESS_ID = "RefusalNoticeProcess";

    /** the operation (top-level process instance) that ended refused, rejected, failed or rolled back */
    public static final String OPERATION_ID = "operationId";
    public static final String OPERATION_KEY = "operationKey";
    /** REFUSED, REJECTED, FAILED or ROLLED_BACK */
    public static final String OPERATION_STATE = "operationState";
    /** the task's name: "Refused: relocate wpr00 lpar00 → lpar00" */
    public static final String TITLE = "noticeTitle";
    public static final String REASON = "noticeReason";
    /** the user who started the operation; the task is assigned to them */
    public static final String REQUESTER = "requester";
    /** ISO-8601 duration after which an unacknowledged notice ends by itself */
    public static final String WAIT = "noticeWait";

    private RefusalNoticeVariables() {
    }
}
